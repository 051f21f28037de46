// The string-built-command findings of a Python file: a command reaching a shell that is built
// with values (f-strings, `%`, `.format()`, `+`), or that is an outside value as a whole
// (`os.system(request.args["cmd"])`). A parameter passed whole to a sink is followed to the calls of
// its function when the file shows them all (command-lines.ts), so a helper is judged by what it is
// given and reported at its sink. "Run without a shell" when a command built at the sink splits
// into arguments cleanly.
import type { Node } from '@vscode/tree-sitter-wasm';
import { buildSiteLabel, valueSourceHere } from '../message-parts';
import { isErrorKind, operatorSource } from '../outside-values';
import { builtCommandMessage, HELPER_BUILT, passedHere, wholeCommandMessage, type CommandWords } from '../shell-messages';
import type { RuleContext } from '../../rule';
import type { Fix, RelatedLocation, Report } from '../../types';
import type { Hole } from '../model';
import { constantText, type BuildSite, type Built, type SourceHole } from './built';
import { Callers } from './callers';
import { bareParameter, commandLines, type CommandLine } from './command-lines';
import { commandFix } from './fix-command';
import type { FixContext } from './fix-context';
import { isCommandLineTool, OutsideValues, type OutsideValue } from './outside-value';
import { dangerousHoles, fixOrReason, hasText, RelatedList, templateText, unique } from './report-parts';
import { resolveSinkArgument, type Resolution } from './resolve-string';
import { parameterNames } from './scope';
import type { ShellSink } from './sinks';
import type { Taint, TaintTracker } from './taint';
import { unwrapParens } from '../../languages/python-syntax';

/** How the Python findings name an argument-list form (the words around it are shared with JS/TS). */
const LIST_FORM = 'subprocess.run([...]) without shell=True';

/** A hole as reported: its model form, where its untrusted value enters, the helper calls that gave it. */
interface CommandHole {
  hole: Hole;
  taintSite?: Node;
  through: Node[];
  /** A request value or caller data: the finding is an error. */
  error: boolean;
}

interface BuiltLine {
  line: CommandLine;
  resolution: Resolution;
  first: Built;
  holes: CommandHole[];
  sites: BuildSite[];
}

interface Judged {
  built: BuiltLine[];
  whole: { text: string; value: OutsideValue }[];
}

export class ShellReports {
  private readonly callers: Callers;
  private readonly outside: OutsideValues;

  constructor(
    private readonly context: RuleContext,
    private readonly fixContext: FixContext,
    private readonly taint: TaintTracker,
  ) {
    this.callers = new Callers(fixContext.file);
    this.outside = new OutsideValues(fixContext.file, this.callers);
  }

  reports(sink: ShellSink): Report[] {
    const judged: Judged = { built: [], whole: [] };
    for (const line of commandLines(sink.query, this.fixContext.file, this.callers)) {
      const resolution = resolveSinkArgument(line.node, this.fixContext.file);
      const built = resolution && this.built(line, resolution);
      if (built) {
        judged.built.push(built);
        continue;
      }
      // A command with no text of its own around its value (`cmd`, `f"{cmd}"`) is that value, whole.
      if (resolution?.candidates.some((candidate) => hasText(candidate.parts))) continue;
      const wholes = resolution
        ? resolution.candidates.flatMap((candidate) => dangerousHoles(candidate, 'shell').map((index) => candidate.holes[index].node))
        : [line.node];
      for (const node of wholes) {
        for (const value of this.outside.of(node)) judged.whole.push({ text: node.text, value: { ...value, through: [...line.through, ...value.through] } });
      }
    }
    if (!judged.built.length && !judged.whole.length) return [];

    const builtHoles = unique(
      judged.built.flatMap((entry) => entry.holes),
      (entry) => `${entry.hole.start}:${entry.hole.end}`,
    );
    const wholeHoles = judged.whole.map(({ text, value }) => ({ text, taint: value.description }));
    const error = builtHoles.some((entry) => entry.error) || judged.whole.some(({ value }) => isErrorKind(value.kind));
    const through = [
      ...judged.built.flatMap((entry) => [...entry.line.through, ...entry.holes.flatMap((hole) => hole.through)]),
      ...judged.whole.flatMap(({ value }) => value.through),
    ];
    const fix = this.fix(sink, judged);
    const words: CommandWords = {
      sink: sink.label,
      viaShell: true,
      listForm: LIST_FORM,
      quoteFunction: 'shlex.quote()',
      through: [...new Set(through.map((call) => this.callers.label(call)))],
      ...(fix.reason ? { fixReason: fix.reason } : {}),
    };
    const message = builtHoles.length
      ? builtCommandMessage([...builtHoles.map((entry) => entry.hole), ...wholeHoles], words, error)
      : wholeCommandMessage(wholeHoles, words, error);
    const related = this.related(sink.node, judged, builtHoles, through);
    const shape = judged.built[0] ? templateText(judged.built[0].first.parts) : '{}';
    return [
      {
        message,
        range: this.context.file.lines.rangeOf(sink.node.startIndex, sink.node.endIndex),
        severity: error ? 'error' : 'warning',
        ...(related.length ? { related } : {}),
        ...(fix.fix ? { fixes: [fix.fix] } : {}),
        fingerprintText: `${sink.node.text}\n${shape}\ncommand`,
      },
    ];
  }

  /** The candidates of a command with text and values that could inject; undefined when there are none. */
  private built(line: CommandLine, resolution: Resolution): BuiltLine | undefined {
    const holes: CommandHole[] = [];
    const sites: BuildSite[] = [];
    let first: Built | undefined;
    for (const candidate of resolution.candidates) {
      if (!hasText(candidate.parts)) continue;
      const judged = dangerousHoles(candidate, 'shell').flatMap((index) => this.judgedHole(candidate.holes[index]));
      if (!judged.length) continue;
      first ??= candidate;
      sites.push(...candidate.buildSites);
      holes.push(...judged);
    }
    return first ? { line, resolution, first, holes, sites } : undefined;
  }

  /**
   * A hole with its taint. A parameter whose calls the file shows holds what they pass: nothing to
   * report when they only pass constants, else the taint of what they pass.
   */
  private judgedHole(source: SourceHole): CommandHole[] {
    const parameter = bareParameter(source.node, this.fixContext.file);
    const span = { start: source.node.startIndex, end: source.node.endIndex, text: source.text };
    const hole = (taint: Taint | undefined, through: Node[], error = !!taint): CommandHole[] => [
      { hole: { ...span, ...(taint ? { taint: taint.description } : {}) }, ...(taint ? { taintSite: taint.site } : {}), through, error },
    ];
    // A command-line tool's parameter is the operator's argument, as sys.argv is (see outside-value.ts).
    if (parameter && isCommandLineTool(parameter.fn)) {
      const site = parameterNames(parameter.fn).find((candidate) => candidate.name === parameter.name)?.node ?? source.node;
      return hole({ description: operatorSource('argv', parameter.name), site }, [], false);
    }
    const passed = parameter && this.callers.passedTo(parameter.fn, parameter.name);
    if (!passed) return hole(this.taint.taintOf(source.node), []);
    if (passed.every((entry) => entry.value && this.isConstant(entry.value))) return [];
    const taint = passed.map((entry) => (entry.value ? this.taint.taintOf(entry.value) : undefined)).find((found) => found);
    return hole(
      taint,
      passed.map((entry) => entry.call),
    );
  }

  private isConstant(node: Node): boolean {
    const inner = unwrapParens(node);
    if (['integer', 'float', 'true', 'false', 'none'].includes(inner.type)) return true;
    const resolution = resolveSinkArgument(inner, this.fixContext.file);
    return !!resolution && resolution.candidates.every((candidate) => constantText(candidate) !== undefined);
  }

  /** The fix rewrites a command built at the sink itself; one from a helper's caller or from outside has none. */
  private fix(sink: ShellSink, judged: Judged): { fix?: Fix; reason?: string } {
    const [only] = judged.built;
    if (!only) return {};
    if (judged.built.length !== 1 || judged.whole.length || only.line.through.length) return { reason: HELPER_BUILT };
    return fixOrReason(only.resolution, 'command', () => commandFix(sink, only.resolution, only.first, this.fixContext));
  }

  /** Where the command was built and its values entered, then the helper calls it was passed through. */
  private related(sink: Node, judged: Judged, holes: readonly CommandHole[], through: readonly Node[]): RelatedLocation[] {
    const related = new RelatedList(this.context.file.lines);
    const sites = judged.built.flatMap((entry) => entry.sites).sort((a, b) => a.node.startIndex - b.node.startIndex);
    for (const site of sites) related.add(buildSiteLabel('shell', site.kind), site.node);
    for (const entry of holes) if (entry.taintSite) related.add(valueSourceHere(entry.hole), entry.taintSite);
    // A value read inside the flagged call is shown by the finding itself.
    const inSink = (node: Node) => node.startIndex >= sink.startIndex && node.endIndex <= sink.endIndex;
    for (const { text, value } of judged.whole) if (!inSink(value.site)) related.add(valueSourceHere({ text, taint: value.description }), value.site);
    for (const call of through) related.add(passedHere(this.callers.label(call)), call);
    return related.locations;
  }
}
