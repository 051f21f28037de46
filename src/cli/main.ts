// `lastline` argv → command → exit code. Exit codes: 0 clean (below --fail-on), 1 findings,
// 2 usage, config or internal error.
import { parseArgs } from 'node:util';
import { ruleDocsUrl } from '../core/docs';
import { allRules } from '../core/rules';
import { SEVERITIES, type Severity } from '../core/types';
import { runScan } from './scan-command';
import { processTerminal, UsageError, type Terminal } from './terminal';
import { AI_HELP, DEPS_HELP, REVIEW_HELP, VERIFY_HELP, MAIN_HELP, ROUTES_HELP, RULES_HELP, SCAN_HELP, VERSION } from './usage';
import { runRoutes } from './routes-command';
import { runDepsSync } from './deps-sync-command';
import { runDeps } from './deps-command';
import { checkAgentLines } from '../agents/feedback';
import { recordCommand } from '../agents/record-command';
import { runAi } from './ai-command';
import { runHooks } from './hooks-command';
import { runNotes } from './notes-command';
import { runReview } from './review-command';
import { runVerify } from './verify-command';
import { runGateHook } from '../gate/hook-handlers';
import { readFileSync } from 'node:fs';

const FORMATS = ['text', 'json', 'sarif'] as const;
/** The formats of every command but scan. */
const TEXT_OR_JSON = ['text', 'json'] as const;
const FORMAT_OPTION = { type: 'string', short: 'f', default: 'text' } as const;
const CATEGORIES = [...new Set(allRules.map((rule) => rule.meta.category))];

export async function main(argv: readonly string[], terminal: Terminal = processTerminal()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        terminal.out(MAIN_HELP);
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        terminal.out(VERSION);
        return 0;
      case 'scan':
        return await scanCommand(rest, terminal);
      case 'rules':
        return rulesCommand(rest, terminal);
      case 'routes':
        return await routesCommand(rest, terminal);
      case 'deps':
        return await depsCommand(rest, terminal);
      case 'ai':
        return await aiCommand(rest, terminal);
      case 'review':
        return await reviewCommand(rest, terminal);
      case 'verify':
        return verifyCommand(rest, terminal);
      case 'notes': {
        const { positionals } = parse(rest, {});
        return runNotes(positionals[0], positionals[1] ?? 'origin', terminal);
      }
      case 'gate':
        // Run by Lastline's git hooks: `lastline gate <hook> [git's arguments]`.
        return await runGateHook(rest[0] ?? '', rest.slice(1), terminal, () => readFileSync(0, 'utf8'));
      case 'hooks':
        return runHooks(rest, terminal);
      case 'record':
        return await recordCommand(rest, terminal, checkAgentLines);
      default:
        throw new UsageError(
          `unknown command "${command}" (commands: scan, routes, deps, rules, ai, review, verify, notes, hooks, record; see lastline --help)`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError) {
      terminal.error(error.message);
      return 2;
    }
    terminal.error(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}

async function scanCommand(argv: string[], terminal: Terminal): Promise<number> {
  const parsed = parseCommand(argv, SCAN_HELP, terminal, {
    format: FORMAT_OPTION,
    output: { type: 'string', short: 'o' },
    staged: { type: 'boolean', default: false },
    fix: { type: 'boolean', default: false },
    'fail-on': { type: 'string', default: 'warning' },
    verbose: { type: 'boolean', default: false },
    category: { type: 'string', multiple: true },
    jobs: { type: 'string', short: 'j' },
    'no-cache': { type: 'boolean', default: false },
    offline: { type: 'boolean', default: false },
  });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = oneOf('--format', values.format as string, FORMATS);
  const failOn = oneOf('--fail-on', values['fail-on'] as string, SEVERITIES) as Severity;
  const categories = ((values.category as string[] | undefined) ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => oneOf('--category', value.trim(), CATEGORIES));
  return runScan(
    {
      paths: positionals,
      format,
      output: values.output as string | undefined,
      staged: values.staged as boolean,
      fix: values.fix as boolean,
      failOn,
      verbose: values.verbose as boolean,
      categories,
      jobs: values.jobs === undefined ? undefined : positiveInteger('--jobs', values.jobs as string),
      cache: !(values['no-cache'] as boolean),
      offline: values.offline as boolean,
    },
    terminal,
  );
}

async function depsCommand(argv: string[], terminal: Terminal): Promise<number> {
  const parsed = parseCommand(argv, DEPS_HELP, terminal, {
    format: FORMAT_OPTION,
    offline: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals[0] === 'sync') {
    if (values.offline) throw new UsageError("deps sync downloads OSV's exports: it cannot run --offline");
    return runDepsSync({ ecosystems: positionals.slice(1) }, terminal);
  }
  const format = oneOf('--format', values.format as string, TEXT_OR_JSON);
  return runDeps({ paths: positionals, format, offline: values.offline as boolean, verbose: values.verbose as boolean }, terminal);
}

async function routesCommand(argv: string[], terminal: Terminal): Promise<number> {
  const parsed = parseCommand(argv, ROUTES_HELP, terminal, { format: FORMAT_OPTION, verbose: { type: 'boolean', default: false } });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = oneOf('--format', values.format as string, TEXT_OR_JSON);
  return runRoutes({ paths: positionals, format, verbose: values.verbose as boolean }, terminal);
}

async function aiCommand(argv: string[], terminal: Terminal): Promise<number> {
  const parsed = parseCommand(argv, AI_HELP, terminal, { format: FORMAT_OPTION });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const format = oneOf('--format', values.format as string, TEXT_OR_JSON);
  return runAi({ paths: positionals, format }, terminal);
}

async function reviewCommand(argv: string[], terminal: Terminal): Promise<number> {
  const parsed = parseCommand(argv, REVIEW_HELP, terminal, { list: { type: 'boolean', default: false } });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  // No argument may stand for a person's decision: approvals are asked for interactively.
  if (positionals.length) throw new UsageError(`lastline review takes no arguments (got ${positionals.join(' ')}); it asks about each hunk`);
  return runReview({ list: values.list as boolean }, terminal);
}

function verifyCommand(argv: string[], terminal: Terminal): number {
  const parsed = parseCommand(argv, VERIFY_HELP, terminal, {});
  if (!parsed) return 0;
  if (parsed.positionals.length !== 1) {
    terminal.out(VERIFY_HELP);
    return 2;
  }
  return runVerify(parsed.positionals[0], terminal);
}

function rulesCommand(argv: string[], terminal: Terminal): number {
  const parsed = parseCommand(argv, RULES_HELP, terminal, { format: FORMAT_OPTION });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length) throw new UsageError(`lastline rules takes no arguments (got ${positionals.join(' ')})`);
  const format = oneOf('--format', values.format as string, TEXT_OR_JSON);
  const rows = allRules.map((rule) => ({ ...rule.meta, docs: ruleDocsUrl(rule.meta.id) }));
  if (format === 'json')
    terminal.out(
      JSON.stringify(
        rows.map(({ id, category, defaultSeverity, description, fixable, docs }) => ({ id, category, defaultSeverity, description, fixable, docs })),
        null,
        2,
      ),
    );
  else
    for (const row of rows)
      terminal.out(`${row.id.padEnd(28)} ${row.category.padEnd(22)} ${row.defaultSeverity.padEnd(8)} ${row.fixable ? 'fix ' : '    '} ${row.description}`);
  return 0;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean; multiple?: boolean }>;

/**
 * A command's options with `-h`/`--help` added; undefined when help was asked for, after printing
 * `help` (the command then exits 0 and does nothing else).
 */
function parseCommand(argv: string[], help: string, terminal: Terminal, options: OptionSpec): ReturnType<typeof parse> | undefined {
  const parsed = parse(argv, { ...options, help: { type: 'boolean', short: 'h', default: false } });
  if (!parsed.values.help) return parsed;
  terminal.out(help);
  return undefined;
}

function parse(argv: string[], options: OptionSpec) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages are good ("Unknown option '--frmat'"); add where to look.
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. See --help.`);
  }
}

function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (/^\d+$/.test(value.trim()) && Number.isSafeInteger(number) && number >= 1) return number;
  throw new UsageError(`${flag} must be a whole number of at least 1; got "${value}"`);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"`);
}
