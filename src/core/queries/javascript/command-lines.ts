// The command lines a shell sink may receive, and the values in them that count. A sink given a
// parameter whole (`const run = (cmd) => execSync(cmd)`) receives what the calls of its function
// pass, when the file shows them all (callers.ts): each call's argument is a command line of its
// own, built (`run(`ping ${host}`)`) or whole (`run(req.query.cmd)`). A parameter interpolated into a
// line holds what the calls pass too: only constants, and it is no value at all.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isHarmless } from '../value-safety';
import type { AnalysisFile } from './analysis-file';
import type { Binding } from './bindings';
import { countedHoles, isBuilt, type CountedHole } from './report-parts';
import type { ResolvedString } from './resolve-string';
import type { ShellSink } from './shell-sinks';
import { calleeName, unwrapExpression, type Node } from './tree';

export interface CommandLine {
  resolved: ResolvedString;
  /** Calls of the file's helper functions the line was passed through, outermost first. */
  through: TSESTree.CallExpression[];
}

export interface CommandHole extends CountedHole {
  /** The helper calls whose arguments gave the hole its value (a parameter judged at its callers). */
  through?: TSESTree.CallExpression[];
}

/** Quoting helpers whose output is one safe shell word (shell-quote `quote`, shell-escape). */
const SHELL_QUOTERS = new Set(['quote', 'shellescape', 'shellEscape', 'escapeShellArg']);
/** Helpers within helpers: deep enough for real code, bounded for recursive ones. */
const MAX_HELPERS = 4;

export function commandLines(sink: ShellSink, file: AnalysisFile): CommandLine[] {
  return expand({ resolved: file.resolver.resolveSequence(sink.commandLine), through: [] }, file, new Set());
}

function expand(line: CommandLine, file: AnalysisFile, seen: Set<Binding>): CommandLine[] {
  const parameter = wholeParameter(line, file);
  const passed = parameter && !seen.has(parameter) && line.through.length < MAX_HELPERS ? file.callers.passedTo(parameter) : undefined;
  if (!parameter || !passed) return [line];
  seen.add(parameter);
  try {
    return passed.flatMap((entry) => {
      if (!entry.value) return [];
      const through = entry.indirect ? line.through : [...line.through, entry.call];
      return expand({ resolved: file.resolver.resolve(entry.value), through }, file, seen);
    });
  } finally {
    seen.delete(parameter);
  }
}

/** The parameter a line consists of, alone and unchecked. */
function wholeParameter(line: CommandLine, file: AnalysisFile): Binding | undefined {
  const { resolved } = line;
  if (isBuilt(resolved, true) || resolved.holes.length !== 1 || isHarmless(resolved.holes[0].safety, 'shell')) return undefined;
  return parameterOf(resolved.holes[0].node, file);
}

function parameterOf(node: Node, file: AnalysisFile): Binding | undefined {
  const inner = unwrapExpression(node);
  const binding = inner.type === 'Identifier' ? file.bindings.resolve(inner) : undefined;
  return binding?.kind === 'parameter' ? binding : undefined;
}

/**
 * The holes of a built line that could inject: not numeric, escaped, allowlisted or shell-quoted,
 * and, for a parameter whose calls the file shows, not one that is only ever given constants.
 * Such a parameter takes its taint from what the calls pass.
 */
export function judgedHoles(resolved: ResolvedString, file: AnalysisFile): CommandHole[] {
  const holes: CommandHole[] = [];
  for (const hole of countedHoles(resolved, file, 'shell')) {
    const node = unwrapExpression(hole.node);
    if (node.type === 'CallExpression' && SHELL_QUOTERS.has(calleeName(node.callee) ?? '')) continue;
    const parameter = parameterOf(node, file);
    const passed = parameter && file.callers.passedTo(parameter);
    if (!passed) {
      holes.push(hole);
      continue;
    }
    const values = passed.filter((entry) => entry.value || entry.elementOf);
    if (values.length === passed.length && values.every((entry) => !entry.elementOf && isConstant(entry.value!, file))) continue;
    const through = passed.filter((entry) => !entry.indirect).map((entry) => entry.call);
    const tainted = passed.map((entry) => (entry.value ? file.taint.taintOf(entry.value) : undefined)).find((taint) => taint);
    holes.push({ index: hole.index, node: hole.node, text: hole.text, ...(tainted ? { taint: tainted.description, source: tainted.source } : {}), through });
  }
  return holes;
}

function isConstant(value: Node, file: AnalysisFile): boolean {
  return file.resolver.resolve(value).holes.every((hole) => isHarmless(hole.safety, 'shell'));
}
