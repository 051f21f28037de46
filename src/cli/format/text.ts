// `--format text`: grouped by file like ESLint's stylish formatter, one line per finding.
import { severityRank, type Finding } from '../../core/types';
import type { ScanResult } from '../../scan/scan';
import { inert } from '../../core/inert';
import { displayPath } from '../positions';

export function formatText(result: ScanResult, cwd: string, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  let filesWithFindings = 0;
  for (const report of result.reports) {
    if (report.findings.length === 0) continue;
    filesWithFindings++;
    out.push(paint('4', inert(displayPath(report.absolutePath, cwd))));
    for (const finding of report.findings) {
      counts[finding.severity]++;
      const where = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`.padEnd(8);
      out.push(`  ${paint('2', where)} ${severityLabel(finding, paint)} ${inert(finding.message)}  ${paint('2', finding.ruleId)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  const incomplete = result.reports.filter((report) => report.ruleErrors.length > 0).length;
  const files = `${result.filesAnalysed} file${result.filesAnalysed === 1 ? '' : 's'} scanned${incomplete ? `, ${incomplete} of them not fully (errors on stderr)` : ''}`;
  if (total === 0 && incomplete > 0) {
    // Not "no problems": some rules did not run on some files.
    out.push(`${paint('31', '✖')} no problems found, but not every rule could run · ${files}`);
  } else if (total === 0) {
    out.push(`${paint('32', '✔')} no problems · ${files}`);
  } else {
    out.push(
      `${paint(counts.error ? '31' : '33', '✖')} ${total} problem${total === 1 ? '' : 's'} ` +
        `(${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) ` +
        `in ${filesWithFindings} file${filesWithFindings === 1 ? '' : 's'} · ${files}`,
    );
  }
  return out.join('\n');
}

function severityLabel(finding: Finding, paint: (code: string, text: string) => string): string {
  const label = finding.severity.padEnd(7);
  return severityRank(finding.severity) === 3 ? paint('31', label) : finding.severity === 'warning' ? paint('33', label) : paint('36', label);
}
