// The string-built-query findings of a file: for each SQL sink whose argument is built from
// values, one finding for the values (with "Parameterize query" when the driver is known), and one
// per hole that carries SQL syntax instead of a value (identifier, keyword or fragment), which
// placeholders cannot fix. MongoDB `$where` strings are reported here too.
import type { Fix, Report } from '../../types';
import { mongoScriptMessage, sqlFragmentMessage, sqlIdentifierMessage, sqlValueMessage, structuralFixReason } from '../sql-messages';
import type { AnalysisFile } from './analysis-file';
import { chooseDriver } from './drivers';
import { parameterizeFix } from './fix-parameterize';
import { countedHoles, isBuilt, relatedLocations, severityOf, type CountedHole } from './report-parts';
import type { ResolvedString } from './resolve-string';
import { readSql, type SqlReading } from './sql-reading';
import { mongoWhereOf, sqlSinkOf, type SqlSink } from './sql-sinks';
import type { Node } from './tree';

export function sqlReports(file: AnalysisFile): Report[] {
  const reports: Report[] = [];
  for (const node of file.tree.nodes) {
    if (node.type === 'CallExpression') {
      const sink = sqlSinkOf(node, file.imports);
      if (sink) reports.push(...sinkReports(sink, file));
    } else if (node.type === 'Property') {
      const value = mongoWhereOf(node);
      if (value) reports.push(...mongoWhereReports(node, value, file));
    }
  }
  return reports;
}

const STRUCTURAL_ROLES = new Set(['identifier', 'keyword-or-fragment']);

function sinkReports(sink: SqlSink, file: AnalysisFile): Report[] {
  const resolved = file.resolver.resolve(sink.argument);
  if (!isBuilt(resolved)) return [];
  const reading = readSql(sink, resolved.built.parts);
  if (!reading) return [];
  const holes = countedHoles(resolved, file, 'sql');
  const roleOf = (hole: number) => reading.roles.get(hole)?.role ?? 'unknown';
  const values = holes.filter((hole) => !STRUCTURAL_ROLES.has(roleOf(hole.index)));
  const reports: Report[] = [];
  if (values.length) {
    const outcome = valueFix(sink, resolved, reading, file);
    reports.push({
      message: sqlValueMessage(sink.label, values, 'reason' in outcome ? outcome.reason : undefined),
      range: file.lines.rangeOf(sink.call.range[0], sink.call.range[1]),
      severity: severityOf(values),
      related: relatedLocations(file, resolved, values, sink.call, 'sql'),
      fixes: 'fix' in outcome ? [outcome.fix] : [],
    });
  }
  for (const hole of holes) {
    const role = roleOf(hole.index);
    if (!STRUCTURAL_ROLES.has(role)) continue;
    reports.push({
      message: role === 'identifier' ? sqlIdentifierMessage(sink.label, hole) : sqlFragmentMessage(sink.label, hole),
      range: file.lines.rangeOf(hole.node.range[0], hole.node.range[1]),
      severity: severityOf([hole]),
      related: [
        { message: `the SQL is run by ${sink.label} here`, range: file.lines.rangeOf(sink.call.range[0], sink.call.range[1]) },
        ...relatedLocations(file, resolved, [hole], hole.node, 'sql'),
      ],
      fixes: [],
    });
  }
  return reports;
}

function valueFix(sink: SqlSink, resolved: ResolvedString, reading: SqlReading, file: AnalysisFile): { fix: Fix } | { reason: string } {
  const structural = resolved.built.holes.filter((_, index) => STRUCTURAL_ROLES.has(reading.roles.get(index)?.role ?? 'unknown'));
  if (structural.length) return { reason: structuralFixReason(structural) };
  const choice = chooseDriver(sink.drivers, file.imports, sink.identifiedByApi);
  if (!choice.driver) return { reason: choice.reason };
  return parameterizeFix({ sink, driver: choice.driver, resolved, reading, file });
}

function mongoWhereReports(property: Node, value: Node, file: AnalysisFile): Report[] {
  const resolved = file.resolver.resolve(value);
  if (!isBuilt(resolved)) return [];
  const holes: CountedHole[] = countedHoles(resolved, file, 'script');
  if (!holes.length) return [];
  return [
    {
      message: mongoScriptMessage('$where', holes),
      range: file.lines.rangeOf(property.range[0], property.range[1]),
      severity: severityOf(holes),
      related: relatedLocations(file, resolved, holes, property, 'script'),
      fixes: [],
    },
  ];
}
