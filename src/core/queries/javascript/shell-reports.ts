// The string-built-command findings of a file: a command line with interpolated values reaching a
// shell (or execa's command splitter), with "Run without a shell" when it splits into arguments cleanly.
import type { Report } from '../../types';
import type { AnalysisFile } from './analysis-file';
import { commandFix } from './fix-command';
import { shellMessage } from './messages';
import { countedHoles, isBuilt, relatedLocations, severityOf } from './report-parts';
import { shellSinkOfCall, shellSinkOfTemplate, type ShellSink } from './shell-sinks';
import { calleeName, unwrapExpression } from './tree';

/** Quoting helpers whose output is one safe shell word (shell-quote `quote`, shell-escape). */
const SHELL_QUOTERS = new Set(['quote', 'shellescape', 'shellEscape', 'escapeShellArg']);

export function shellReports(file: AnalysisFile): Report[] {
  const reports: Report[] = [];
  for (const node of file.tree.nodes) {
    const sink =
      node.type === 'CallExpression' ? shellSinkOfCall(node, file.tree, file.imports) : node.type === 'TaggedTemplateExpression' ? shellSinkOfTemplate(node, file.tree, file.imports) : undefined;
    if (sink) reports.push(...sinkReports(sink, file));
  }
  return reports;
}

function sinkReports(sink: ShellSink, file: AnalysisFile): Report[] {
  const resolved = file.resolver.resolveSequence(sink.commandLine);
  if (!isBuilt(resolved, true)) return [];
  const holes = countedHoles(resolved, file).filter((hole) => {
    const node = unwrapExpression(hole.node);
    return !(node.type === 'CallExpression' && SHELL_QUOTERS.has(calleeName(node.callee) ?? ''));
  });
  if (!holes.length) return [];
  const outcome = commandFix(sink, resolved, file);
  const viaShell = sink.api !== 'execaCommand' && sink.api !== 'execaCommandSync';
  return [
    {
      message: shellMessage(sink.label, holes, viaShell, 'reason' in outcome ? outcome.reason : undefined),
      range: file.lines.rangeOf(sink.node.range[0], sink.node.range[1]),
      severity: severityOf(holes),
      related: relatedLocations(file, resolved, holes, sink.node),
      fixes: 'fix' in outcome ? [outcome.fix] : [],
    },
  ];
}
