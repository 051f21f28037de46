// String-built SQL and shell commands in Python: find the sinks, rebuild the string each one
// receives, ask the SQL module what it is, and report with severity from taint and a fix when
// the rewrite is certain. Entry point for the `string-built-query` and `string-built-command` rules.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { RuleContext } from '../../rule';
import type { HoleRole } from '../../sql';
import type { Fix, RelatedLocation, Report } from '../../types';
import { buildSiteLabel, valueSourceHere } from '../message-parts';
import type { Hole, StringFamily } from '../model';
import { mongoScriptMessage, sqlFragmentMessage, sqlIdentifierMessage, sqlValueMessage } from '../sql-messages';
import type { BuildSite, Built, SourceHole } from './built';
import { importedDrivers } from './drivers';
import type { FixContext } from './fix-context';
import { parameterizeFix } from './fix-parameterize';
import { PythonFile } from './python-file';
import { dangerousHoles, fixOrReason, hasText, RelatedList, templateText, unique } from './report-parts';
import { resolveSinkArgument, type Resolution } from './resolve-string';
import { ShellReports } from './shell-reports';
import { findSinks, mayHoldSink, type Sink, type SqlSink } from './sinks';
import { readSql } from './sql-analysis';
import { TaintTracker } from './taint';

export function pythonStringBuiltReports(context: RuleContext, family: 'sql' | 'shell'): Report[] {
  // Files that cannot hold a sink skip the parse (most files that mention `exec` or `system`).
  if (!mayHoldSink(context.file.text, family)) return [];
  const parse = context.python();
  // Shared by both rules: the scope indexes and imports are built once per file.
  const file = context.memo('queries/python:file', () => new PythonFile(parse.tree.rootNode, context.file.text));
  const analysis = new SinkAnalysis(context, { file, lines: context.file.lines, tree: parse.tree });
  return findSinks(file, family).flatMap((sink) => analysis.reports(sink));
}

/** A hole as reported: its model form plus where its untrusted value enters. */
interface ReportedHole {
  hole: Hole;
  taintSite?: Node;
}

class SinkAnalysis {
  private readonly taint: TaintTracker;
  private readonly shell: ShellReports;

  constructor(
    private readonly context: RuleContext,
    private readonly fixContext: FixContext,
  ) {
    this.taint = new TaintTracker(fixContext.file);
    this.shell = new ShellReports(context, fixContext, this.taint);
  }

  reports(sink: Sink): Report[] {
    // Commands are judged whole too (`os.system(cmd)`): the shell analysis resolves what it needs.
    if (sink.family === 'shell') return this.shell.reports(sink);
    const resolution = resolveSinkArgument(sink.query, this.fixContext.file);
    if (!resolution) return [];
    if (sink.api === 'mongo-script') return this.scriptReports(sink, resolution);
    return this.sqlReports(sink, resolution);
  }

  private sqlReports(sink: SqlSink, resolution: Resolution): Report[] {
    const values: ReportedHole[] = [];
    const structural: { kind: 'identifier' | 'fragment'; hole: ReportedHole }[] = [];
    const sites: BuildSite[] = [];
    let first: { built: Built; roles: HoleRole[] } | undefined;
    for (const built of resolution.candidates) {
      const dangerous = dangerousHoles(built, 'sql');
      if (dangerous.length === 0 || !hasText(built.parts)) continue;
      const reading = readSql(built.parts, sink.context);
      if (!reading.isSql) continue;
      first ??= { built, roles: [...reading.roles.values()] };
      sites.push(...built.buildSites);
      for (const index of dangerous) {
        const role = reading.roles.get(index)?.role;
        const hole = this.reportedHole(built.holes[index]);
        if (role === 'identifier') structural.push({ kind: 'identifier', hole });
        else if (role === 'keyword-or-fragment') structural.push({ kind: 'fragment', hole });
        else values.push(hole);
      }
    }
    if (!first) return [];
    const { built, roles } = first;
    const reports: Report[] = [];
    const valueHoles = unique(values, (entry) => `${entry.hole.start}:${entry.hole.end}`);
    if (valueHoles.length > 0) {
      const fix = fixOrReason(resolution, 'query', () =>
        parameterizeFix(sink, resolution, built, roles, importedDrivers(this.fixContext.file.imports), this.fixContext),
      );
      const message = sqlValueMessage(
        sink.label,
        valueHoles.map((entry) => entry.hole),
        fix.reason,
      );
      reports.push(this.report(sink, message, valueHoles, this.related(sites, valueHoles, 'sql'), fix.fix, built, 'values'));
    }
    for (const entry of unique(structural, (item) => `${item.kind}:${item.hole.hole.start}:${item.hole.hole.end}`)) {
      const message = entry.kind === 'identifier' ? sqlIdentifierMessage(sink.label, entry.hole.hole) : sqlFragmentMessage(sink.label, entry.hole.hole);
      reports.push(
        this.report(sink, message, [entry.hole], this.related(sites, [entry.hole], 'sql'), undefined, built, `${entry.kind}:${entry.hole.hole.text}`),
      );
    }
    return reports;
  }

  /** MongoDB `$where`/`$function`: JavaScript built from values; no SQL reading applies. */
  private scriptReports(sink: SqlSink, resolution: Resolution): Report[] {
    const { holes, sites, first } = this.collect(resolution, 'script');
    if (!first) return [];
    return [
      this.report(
        sink,
        mongoScriptMessage(
          sink.label,
          holes.map((entry) => entry.hole),
        ),
        holes,
        this.related(sites, holes, 'script'),
        undefined,
        first,
        'script',
      ),
    ];
  }

  /** Dangerous holes of every candidate with constant text. */
  private collect(resolution: Resolution, family: 'script'): { holes: ReportedHole[]; sites: BuildSite[]; first?: Built } {
    const holes: ReportedHole[] = [];
    const sites: BuildSite[] = [];
    let first: Built | undefined;
    for (const built of resolution.candidates) {
      const dangerous = dangerousHoles(built, family);
      if (dangerous.length === 0 || !hasText(built.parts)) continue;
      first ??= built;
      sites.push(...built.buildSites);
      holes.push(...dangerous.map((index) => this.reportedHole(built.holes[index])));
    }
    return { holes: unique(holes, (entry) => `${entry.hole.start}:${entry.hole.end}`), sites, first };
  }

  private reportedHole(source: SourceHole): ReportedHole {
    const taint = this.taint.taintOf(source.node);
    const hole: Hole = { start: source.node.startIndex, end: source.node.endIndex, text: source.text, ...(taint ? { taint: taint.description } : {}) };
    return { hole, ...(taint ? { taintSite: taint.site } : {}) };
  }

  private related(sites: readonly BuildSite[], holes: readonly ReportedHole[], family: StringFamily): RelatedLocation[] {
    const related = new RelatedList(this.context.file.lines);
    for (const site of [...sites].sort((a, b) => a.node.startIndex - b.node.startIndex)) related.add(buildSiteLabel(family, site.kind), site.node);
    for (const entry of holes) if (entry.taintSite) related.add(valueSourceHere(entry.hole), entry.taintSite);
    return related.locations;
  }

  private report(
    sink: Sink,
    message: string,
    holes: readonly ReportedHole[],
    related: RelatedLocation[],
    fix: Fix | undefined,
    built: Built,
    aspect: string,
  ): Report {
    return {
      message,
      range: this.context.file.lines.rangeOf(sink.node.startIndex, sink.node.endIndex),
      severity: holes.some((entry) => entry.hole.taint) ? 'error' : 'warning',
      ...(related.length ? { related } : {}),
      ...(fix ? { fixes: [fix] } : {}),
      // Many sinks read `cursor.execute(query)`: the statement's shape keeps identities apart.
      fingerprintText: `${sink.node.text}\n${templateText(built.parts)}\n${aspect}`,
    };
  }
}
