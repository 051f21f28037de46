// Connection URIs and connection strings with a password or access key in them. The whole URI is
// what moves to the environment (DATABASE_URL…), not the password alone.
import { defineRule } from '../rule';
import { detectConnectionStringKeys, detectConnectionStringPasswords, detectCredentialedUris, type EmbeddedSecretMatch } from '../secrets/generic';
import { claimedByProvider } from '../secrets/provider-claims';
import { reportSecret, secretsBelongHere } from '../secrets/report';

export default defineRule({
  meta: {
    id: 'credentialed-uri',
    category: 'inline-secret',
    defaultSeverity: 'error',
    description: 'Connection URIs and connection strings with an embedded password or access key (postgres://user:pass@…, Password=…;, AccountKey=…;).',
    fixable: true,
    languages: 'all',
    keywords: ['://', 'assword', 'ASSWORD', 'wd=', 'WD=', 'Pwd', 'PWD', 'AccountKey=', 'AccessKey='],
    offerAllowlist: true,
  },
  check(context) {
    if (secretsBelongHere(context)) return;
    const { text } = context.file;
    const matches: EmbeddedSecretMatch[] = [
      ...(text.includes('://') ? detectCredentialedUris(text) : []),
      ...(/pwd|password/i.test(text) ? detectConnectionStringPasswords(text) : []),
      // An 88-character Storage key is the provider rule's (it checks the format).
      ...(/accountkey|accesskey/i.test(text)
        ? detectConnectionStringKeys(text).filter((match) => !claimedByProvider(text, match.start, match.end, match.containerStart, match.containerEnd))
        : []),
    ];
    for (const match of matches) {
      reportSecret(context, { ...match, moveStart: match.containerStart, moveEnd: match.containerEnd });
    }
  },
});
