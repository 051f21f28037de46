// Environment variable names for "move to environment": derived from context, never colliding with
// a variable the project's .env already defines with another value, nor with another secret moved
// out of the same file.
import type { RuleContext } from '../rule';

export interface ChosenEnvName {
  name: string;
  /** The project's .env already holds this name with this very value: nothing to append. */
  alreadyDefined: boolean;
}

/** UPPER_SNAKE_CASE from any identifier style: `dbPassword` → DB_PASSWORD, `stripe.apiKey` → STRIPE_API_KEY. */
export function toEnvName(raw: string): string {
  const snake = raw
    .replace(/^(this|self)\./, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (!snake) return 'SECRET';
  return /^[0-9]/.test(snake) ? `SECRET_${snake}` : snake;
}

export function chooseEnvName(context: RuleContext, suggested: string, value: string): ChosenEnvName {
  const takenInFile = context.memo('secrets:env-names', () => new Map<string, string>());
  const base = toEnvName(suggested);
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? base : `${base}_${attempt}`;
    const existing = context.project.envVariables.get(name) ?? takenInFile.get(name);
    if (existing === undefined) {
      takenInFile.set(name, value);
      return { name, alreadyDefined: false };
    }
    if (existing === value) return { name, alreadyDefined: context.project.envVariables.get(name) === value };
  }
}

/** A `.env` line that dotenv readers read back as exactly `value`. */
export function dotenvLine(name: string, value: string): string {
  if (/^[A-Za-z0-9_\-./:+=@,]*$/.test(value)) return `${name}=${value}`;
  return `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
