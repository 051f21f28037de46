// Google API keys: "AIza" + 35 base64url characters (39 in all), used by Maps, Gemini, YouTube,
// Firebase and every other Google API that takes an API key.
// https://cloud.google.com/docs/authentication/api-keys ; gitleaks' gcp-api-key rule.
// Firebase web configs (`authDomain`, `*.firebaseapp.com`, `messagingSenderId` nearby) ship their
// key to every browser by design (https://firebase.google.com/docs/projects/api-keys), so a key in
// one is reported at "info" instead of "error".
import type { SecretDetector, SecretMatch } from '../model';
import { BASE64, looksRandom } from '../randomness';
import { standaloneRuns } from './support/token-runs';

const GOOGLE_API_KEY = /AIza[A-Za-z0-9_-]*/g;
const BODY_LENGTH = 35;
const FIREBASE_CONFIG = /authDomain|firebaseapp\.com|messagingSenderId/;
/** How far around the key to look for Firebase config fields (a config object is ~300 characters). */
const CONFIG_RADIUS = 600;

function inFirebaseWebConfig(text: string, start: number, end: number): boolean {
  return FIREBASE_CONFIG.test(text.slice(Math.max(0, start - CONFIG_RADIUS), end + CONFIG_RADIUS));
}

export const googleApiKeyDetector: SecretDetector = {
  id: 'google-api-key',
  keywords: ['AIza'],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of standaloneRuns(text, GOOGLE_API_KEY)) {
      const body = run.value.slice(4);
      if (body.length !== BODY_LENGTH || !looksRandom(body, BASE64)) continue;
      const firebase = inFirebaseWebConfig(text, run.start, run.end);
      matches.push({
        kind: firebase ? 'Google API key (Firebase web config)' : 'Google API key',
        start: run.start,
        end: run.end,
        severity: firebase ? 'info' : 'error',
        envName: firebase ? 'FIREBASE_API_KEY' : 'GOOGLE_API_KEY',
      });
    }
    return matches;
  },
};
