// The commands a Python shell sink may receive. A sink given a parameter whole
// (`def run(cmd): subprocess.run(cmd, shell=True)`) receives what the calls of its function pass,
// when the file shows them all (callers.ts): each call's argument is a command of its own, built
// (`run(f"ping {host}")`) or whole (`run(request.args["cmd"])`), a few helpers deep.
import type { Node } from '@vscode/tree-sitter-wasm';
import { isAllowlisted } from './allowlist-guards';
import type { Callers } from './callers';
import type { PythonFile } from './python-file';
import { bindingsBefore } from './scope';
import { unwrapParens } from '../../languages/python-syntax';

export interface CommandLine {
  /** The expression holding the command: the sink's argument, or a helper call's. */
  node: Node;
  /** Calls of the file's helper functions the command was passed through, outermost first. */
  through: Node[];
}

/** A parameter read as it was passed: the function and the parameter's name. */
export interface BareParameter {
  fn: Node;
  name: string;
}

/** Helpers within helpers: deep enough for real code, bounded for recursive ones. */
const MAX_HELPERS = 4;

export function commandLines(query: Node, file: PythonFile, callers: Callers): CommandLine[] {
  return expand({ node: query, through: [] }, file, callers, new Set());
}

function expand(line: CommandLine, file: PythonFile, callers: Callers, seen: Set<string>): CommandLine[] {
  const parameter = bareParameter(line.node, file);
  const key = parameter && `${parameter.fn.startIndex}:${parameter.name}`;
  const passed = parameter && key && !seen.has(key) && line.through.length < MAX_HELPERS ? callers.passedTo(parameter.fn, parameter.name) : undefined;
  if (!key || !passed) return [line];
  seen.add(key);
  try {
    return passed.flatMap((entry) => (entry.value ? expand({ node: entry.value, through: [...line.through, entry.call] }, file, callers, seen) : []));
  } finally {
    seen.delete(key);
  }
}

/** An identifier that reads a parameter nothing was assigned to before, and that no allowlist checked. */
export function bareParameter(node: Node, file: PythonFile): BareParameter | undefined {
  const inner = unwrapParens(node);
  if (inner.type !== 'identifier' || isAllowlisted(inner)) return undefined;
  const scope = file.scopeOf(inner);
  const bindings = bindingsBefore(scope, inner.text, inner.startIndex);
  if (scope.scope.type !== 'function_definition' || bindings.length !== 1 || bindings[0].kind !== 'parameter') return undefined;
  return { fn: scope.scope, name: inner.text };
}
