// Azure Storage account keys inside connection strings:
//   DefaultEndpointsProtocol=https;AccountName=<name>;AccountKey=<key>;EndpointSuffix=core.windows.net
// The key is 64 random bytes in base64: 88 characters, the last two "=" and the one before them
// one of A, Q, g, w (64 bytes leave 2 significant bits in the last group). Only the AccountKey value
// is matched. https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string
// The storage emulator's published key (AccountName=devstoreaccount1, Azurite) is not a secret:
// https://learn.microsoft.com/en-us/azure/storage/common/storage-use-azurite#connection-strings
import type { SecretDetector, SecretMatch } from '../model';
import { lineWindow } from './support/line-window';
import { BASE64, looksRandom } from '../randomness';
import { isGlueChar } from './support/token-runs';

const ACCOUNT_KEY = /AccountKey=[A-Za-z0-9+/=]*/g;
const KEY_VALUE = /^[A-Za-z0-9+/]{85}[AQgw]==$/;
const EMULATOR_ACCOUNT = /AccountName=devstoreaccount1(?![A-Za-z0-9])/;
/** A connection string is one line of a few hundred characters; look this far around the key for its AccountName. */
const CONNECTION_STRING_RADIUS = 400;

export const azureStorageKeyDetector: SecretDetector = {
  id: 'azure-storage-key',
  keywords: ['AccountKey='],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const field of text.matchAll(ACCOUNT_KEY)) {
      if (field.index > 0 && isGlueChar(text.charCodeAt(field.index - 1))) continue;
      const start = field.index + 'AccountKey='.length;
      const end = field.index + field[0].length;
      const key = text.slice(start, end);
      if (!KEY_VALUE.test(key) || !looksRandom(key.slice(0, 86), BASE64)) continue;
      if (end < text.length && isGlueChar(text.charCodeAt(end))) continue;
      if (EMULATOR_ACCOUNT.test(lineWindow(text, field.index, end, CONNECTION_STRING_RADIUS))) continue;
      matches.push({ kind: 'Azure Storage account key', start, end, severity: 'error', envName: 'AZURE_STORAGE_CONNECTION_STRING' });
    }
    return matches;
  },
};
