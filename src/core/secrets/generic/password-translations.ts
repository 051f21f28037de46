// "Password" in the other languages whose words show up in code, accents removed. Developers use them
// in names (`db_kennwort`, `senha`), and forms and locale files show them as labels. One list for
// both, so that a word the name gate takes for "password" in a name is also known as a label when
// it stands as the value.

export const PASSWORD_TRANSLATIONS: readonly string[] = ['passwort', 'kennwort', 'contrasena', 'senha', 'wachtwoord', 'haslo', 'motdepasse'];
