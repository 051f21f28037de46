// The string-built-command findings of a file: a command line reaching a shell (or execa's command
// splitter) that is built with interpolated values, or that is an outside value as a whole
// (`exec(req.query.cmd)`). A parameter passed whole to a sink is followed to the calls of its
// function when the file shows them all (command-lines.ts), so a helper is judged by what it is
// given, and reported at its sink. "Run without a shell" when a line built at the sink splits into
// arguments cleanly.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isErrorKind } from '../outside-values';
import { valueSourceHere, type NamedHole } from '../message-parts';
import { builtCommandMessage, HELPER_BUILT, passedHere, wholeCommandMessage, type CommandWords } from '../shell-messages';
import { isHarmless } from '../value-safety';
import type { Fix, RelatedLocation, Report } from '../../types';
import type { AnalysisFile } from './analysis-file';
import { commandLines, judgedHoles, type CommandHole, type CommandLine } from './command-lines';
import { commandFix } from './fix-command';
import type { OutsideValue } from './outside-value';
import { isBuilt, relatedLocations } from './report-parts';
import { shellSinkOfCall, shellSinkOfTemplate, type ShellSink } from './shell-sinks';
import type { Node } from './tree';

/** How the JS/TS findings name an argument-list form (the words around it are shared with Python). */
const LIST_FORM = 'execFile, or spawn without a shell';

export function shellReports(file: AnalysisFile): Report[] {
  const reports: Report[] = [];
  // A shell program named through a constant (`const shell = 'bash'`) still starts a shell.
  const constant = (node: Node) => {
    const resolved = file.resolver.resolve(node);
    return resolved.built.holes.length === 0 ? resolved.built.parts.join('') : undefined;
  };
  for (const node of file.tree.nodes) {
    const sink =
      node.type === 'CallExpression'
        ? shellSinkOfCall(node, file.tree, file.imports, constant)
        : node.type === 'TaggedTemplateExpression'
          ? shellSinkOfTemplate(node, file.tree, file.imports)
          : undefined;
    if (sink) reports.push(...sinkReports(sink, file));
  }
  return reports;
}

interface Judged {
  built: { line: CommandLine; holes: CommandHole[] }[];
  whole: { text: string; value: OutsideValue }[];
}

function sinkReports(sink: ShellSink, file: AnalysisFile): Report[] {
  const judged: Judged = { built: [], whole: [] };
  for (const line of commandLines(sink, file)) {
    if (isBuilt(line.resolved, true)) {
      const holes = judgedHoles(line.resolved, file);
      if (holes.length) judged.built.push({ line, holes });
      continue;
    }
    line.resolved.holes.forEach((hole, index) => {
      if (isHarmless(hole.safety, 'shell')) return;
      const text = line.resolved.built.holes[index].text;
      for (const value of file.outside.of(hole.node)) judged.whole.push({ text, value: { ...value, through: [...line.through, ...value.through] } });
    });
  }
  if (!judged.built.length && !judged.whole.length) return [];

  const builtHoles = judged.built.flatMap((entry) => entry.holes);
  const wholeHoles: NamedHole[] = judged.whole.map(({ text, value }) => ({ text, taint: value.description }));
  const error = builtHoles.some((hole) => hole.taint) || judged.whole.some(({ value }) => isErrorKind(value.kind));
  const through = [
    ...judged.built.flatMap((entry) => [...entry.line.through, ...entry.holes.flatMap((hole) => hole.through ?? [])]),
    ...judged.whole.flatMap(({ value }) => value.through),
  ];
  const fix = fixOf(sink, judged, file);
  const words: CommandWords = {
    sink: sink.label,
    viaShell: sink.api !== 'execaCommand' && sink.api !== 'execaCommandSync',
    listForm: LIST_FORM,
    through: [...new Set(through.map((call) => file.callers.label(call)))],
    ...(fix.reason ? { fixReason: fix.reason } : {}),
  };
  return [
    {
      message: builtHoles.length ? builtCommandMessage([...builtHoles, ...wholeHoles], words, error) : wholeCommandMessage(wholeHoles, words, error),
      range: file.lines.rangeOf(sink.node.range[0], sink.node.range[1]),
      severity: error ? 'error' : 'warning',
      related: related(file, sink, judged, through),
      fixes: fix.fix ? [fix.fix] : [],
    },
  ];
}

/** The fix rewrites a line built at the sink itself; a command from a helper's caller or from outside has none. */
function fixOf(sink: ShellSink, judged: Judged, file: AnalysisFile): { fix?: Fix; reason?: string } {
  const [only] = judged.built;
  if (judged.built.length !== 1 || judged.whole.length) return judged.built.length ? { reason: HELPER_BUILT } : {};
  if (only.line.through.length) return { reason: HELPER_BUILT };
  const outcome = commandFix(sink, only.line.resolved, file);
  return 'fix' in outcome ? { fix: outcome.fix } : { reason: outcome.reason };
}

/** Where the line was built and its values entered, then the helper calls it was passed through. */
function related(file: AnalysisFile, sink: ShellSink, judged: Judged, through: readonly TSESTree.CallExpression[]): RelatedLocation[] {
  const seen = new Set<string>();
  const locations: RelatedLocation[] = [];
  const add = (location: RelatedLocation) => {
    const key = `${location.range.start.line}:${location.range.start.character}:${location.range.end.line}:${location.range.end.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    locations.push(location);
  };
  for (const { line, holes } of judged.built) relatedLocations(file, line.resolved, holes, sink.node, 'shell').forEach(add);
  const outside = (start: number, end: number) => end <= sink.node.range[0] || start >= sink.node.range[1];
  for (const { text, value } of judged.whole) {
    if (outside(value.source.start, value.source.end))
      add({ message: valueSourceHere({ text, taint: value.description }), range: file.lines.rangeOf(value.source.start, value.source.end) });
  }
  for (const call of through) add({ message: passedHere(file.callers.label(call)), range: file.lines.rangeOf(call.range[0], call.range[1]) });
  return locations;
}
