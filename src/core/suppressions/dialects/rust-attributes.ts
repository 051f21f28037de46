// Rust's lint attributes (doc.rust-lang.org/reference/attributes/diagnostics.html), read in code:
// `#[allow(lint, clippy::lint, reason = "…")]` on an item covers it; `#![allow(…)]` covers the
// module it is in, at the top of a file the whole file (inside a block, the block: we take the
// file). `#[expect(…)]` silences the same way (and warns when nothing was silenced). The lint
// group `warnings` is every warning: a blanket. `reason = "…"` (Rust 1.81) is the reason, or a
// comment after the attribute on its line.
import type { LexicalStructure } from '../../languages/lexical';
import { findRustAttributes } from '../../languages/lexical';
import type { DirectiveSite } from '../model';
import { codeSite } from './code-site';
import { makeDirective } from './scan';

const NAMES: ReadonlySet<string> = new Set(['allow', 'expect']);

export function rustAttributeDirectives(structure: LexicalStructure): DirectiveSite[] {
  const sites: DirectiveSite[] = [];
  for (const attribute of findRustAttributes(structure, NAMES)) {
    const lints = attribute.args
      .filter((arg) => arg.name === undefined)
      .flatMap((arg) => arg.values.filter((value) => !value.quoted).map((value) => value.text));
    if (lints.length === 0) continue;
    const stated = attribute.args.find((arg) => arg.name === 'reason')?.values[0]?.text.trim();
    const { site, reason: comment } = codeSite(structure, attribute.start, attribute.end);
    sites.push({
      comment: site,
      directive: makeDirective({
        tool: 'rust',
        scope: attribute.target === 'inner' ? 'file' : 'declaration',
        ids: lints.includes('warnings') ? [] : lints,
        start: 0,
        end: comment ? site.end - site.start : attribute.end - attribute.start,
        reason: stated || comment,
        ...(stated !== undefined || attribute.close === undefined
          ? {}
          : { reasonInsertAt: attribute.close - attribute.start, reasonSeparator: ', reason = "', reasonTerminator: '"' }),
      }),
    });
  }
  return sites;
}
