// `lastline scan` calls findings in AI-written lines out: the same ladder as the agent's feedback
// and the editor (core/provenance/ai-findings.ts), applied to the text each report was made from.
import { markAiWritten } from '../core/provenance/ai-findings';
import type { FileReport } from '../scan/scan';
import { RepositoryProvenance } from './repository-provenance';

export function markAiWrittenReports(reports: FileReport[], start: string): void {
  const provenance = RepositoryProvenance.open(start);
  if (!provenance || provenance.isEmpty) return;
  for (const report of reports) {
    if (report.findings.length === 0 || report.text === undefined) continue;
    // Suspected lines are a heuristic's guess until a person confirms them: not AI-written yet.
    const ranges = provenance.rangesIn(provenance.repositoryPath(report.absolutePath), report.text).filter((range) => range.attribution.kind !== 'suspected');
    if (ranges.length) report.findings = markAiWritten(report.findings, ranges);
  }
}
