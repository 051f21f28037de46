// Connection URIs and connection strings with a password in them. The whole URI is what moves to
// the environment (DATABASE_URL…), not the password alone.
import { defineRule } from '../rule';
import { detectConnectionStringPasswords, detectCredentialedUris, type EmbeddedSecretMatch } from '../secrets/generic';
import { reportSecret, secretsBelongHere } from '../secrets/report';

export default defineRule({
  meta: {
    id: 'credentialed-uri',
    category: 'inline-secret',
    defaultSeverity: 'error',
    description: 'Connection URIs and connection strings with an embedded password (postgres://user:pass@…, Password=…;).',
    fixable: true,
    languages: 'all',
    keywords: ['://', 'assword', 'ASSWORD', 'wd=', 'WD=', 'Pwd', 'PWD'],
    offerAllowlist: true,
  },
  check(context) {
    if (secretsBelongHere(context)) return;
    const { text } = context.file;
    const matches: EmbeddedSecretMatch[] = [
      ...(text.includes('://') ? detectCredentialedUris(text) : []),
      ...(/pwd|password/i.test(text) ? detectConnectionStringPasswords(text) : []),
    ];
    for (const match of matches) {
      reportSecret(context, { ...match, moveStart: match.containerStart, moveEnd: match.containerEnd });
    }
  },
});
