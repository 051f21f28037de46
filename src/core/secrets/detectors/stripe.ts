// Stripe secret and restricted API keys: sk_live_ / rk_live_ (error) and sk_test_ / rk_test_
// ("info": test-mode keys cannot move money), followed by 24 to 247 base62 characters (Stripe keys
// are at most 255 characters; older ones had 24 random characters, current ones ~99).
// https://docs.stripe.com/keys — publishable keys (pk_live_/pk_test_) are meant to ship in
// client code and are not matched.
import type { SecretDetector, SecretMatch } from '../model';
import { BASE62, looksRandom } from '../randomness';
import { standaloneRuns } from './support/token-runs';

const STRIPE_KEY = /[sr]k_(?:live|test)_[A-Za-z0-9]*/g;
const PREFIX_LENGTH = 'sk_live_'.length;
const MIN_BODY = 24;
const MAX_BODY = 247;

export const stripeDetector: SecretDetector = {
  id: 'stripe',
  keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of standaloneRuns(text, STRIPE_KEY)) {
      const body = run.value.slice(PREFIX_LENGTH);
      if (body.length < MIN_BODY || body.length > MAX_BODY || !looksRandom(body, BASE62)) continue;
      const restricted = run.value.startsWith('rk_');
      const live = run.value.slice(3, 7) === 'live';
      matches.push({
        kind: `Stripe ${live ? 'live' : 'test'} ${restricted ? 'restricted' : 'secret'} key`,
        start: run.start,
        end: run.end,
        severity: live ? 'error' : 'info',
        envName: restricted ? 'STRIPE_RESTRICTED_KEY' : 'STRIPE_SECRET_KEY',
      });
    }
    return matches;
  },
};
