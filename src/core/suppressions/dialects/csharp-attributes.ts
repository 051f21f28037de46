// C#'s `[SuppressMessage("Category", "CheckId:Title", Justification = "…")]`
// (System.Diagnostics.CodeAnalysis), which the compiler and every Roslyn analyzer honour: the
// check id is the second argument up to its `:`. On a member or type it covers that declaration.
// With an `assembly:` or `module:` target (GlobalSuppressions.cs) it covers the member its
// `Target` names, somewhere else (we cannot tell where: it covers nothing here), or, with no
// `Target`, the whole project (as wide as a file-wide directive). `Justification = "<Pending>"` is
// the placeholder Visual Studio writes: no reason.
import type { Annotation, LexicalStructure } from '../../languages/lexical';
import { findBracketAttributes } from '../../languages/lexical';
import type { DirectiveSite, SuppressionScope } from '../model';
import { codeSite } from './code-site';
import { makeDirective } from './scan';

const NAMES: ReadonlySet<string> = new Set(['SuppressMessage']);
const PLACEHOLDER = '<Pending>';

export function csharpAttributeDirectives(structure: LexicalStructure): DirectiveSite[] {
  const sites: DirectiveSite[] = [];
  for (const attribute of findBracketAttributes(structure, NAMES)) {
    const positional = attribute.args.filter((arg) => arg.name === undefined);
    const checkId = (named(attribute, 'CheckId') ?? positional[1]?.values[0]?.text)?.split(':')[0].trim();
    if (!checkId) continue;
    const justification = named(attribute, 'Justification')?.trim();
    const global = attribute.target === 'assembly' || attribute.target === 'module';
    const targeted = global && named(attribute, 'Target') !== undefined;
    const scope: SuppressionScope = global && !targeted ? 'file' : 'declaration';
    const { site, reason: comment } = codeSite(structure, attribute.start, attribute.end, targeted ? attribute.end : undefined);
    const reason = justification && justification !== PLACEHOLDER ? justification : comment;
    const hasJustification = justification !== undefined;
    sites.push({
      comment: site,
      directive: makeDirective({
        tool: 'csharp',
        scope,
        ids: [checkId],
        start: 0,
        end: comment ? site.end - site.start : attribute.end - attribute.start,
        reason,
        ...(hasJustification || attribute.close === undefined
          ? {}
          : { reasonInsertAt: attribute.close - attribute.start, reasonSeparator: ', Justification = "', reasonTerminator: '"' }),
      }),
    });
  }
  return sites;
}

function named(attribute: Annotation, name: string): string | undefined {
  return attribute.args.find((arg) => arg.name === name)?.values[0]?.text;
}
