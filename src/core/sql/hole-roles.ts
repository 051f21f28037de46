// The role of every hole: one walk over the tokens, reading the slot of each token that holds a
// hole from the clause tracker's state at that point. The rules per kind of token:
//
// - a hole on its own takes its slot's role (value → value, column/table → identifier,
//   fragment → keyword-or-fragment); glued to a `.` or to a `(` after it, it is part of a name;
//   after IN, or alone inside IN ( … ), it is the whole list (`inList`);
// - a hole glued into a word (`logs_{suffix}`) builds a name: identifier;
// - inside '…' or $$…$$: `value` when the literal sits in a value (or column) position and holds
//   nothing but text and this hole, `inside-string` otherwise (typed literals, several holes);
// - inside "…": a MySQL string in a value position, a quoted name in a name position;
//   inside `…` or […]: always a name.
import type { SlotContext, Slot } from './clause-context';
import { ClauseTracker } from './clause-tracker';
import { TYPED_LITERAL_TYPES } from './keywords';
import { quoteDetails } from './literal-text';
import type { ScanResult } from './scanner';
import { slotAt } from './slots';
import type { TemplateText } from './template-text';
import type { TokenStream } from './token-stream';
import { isPunct, type Token } from './tokens';
import type { HoleRole, HoleRoleKind } from './types';

const ROLE_OF_SLOT: Readonly<Record<Slot, HoleRoleKind>> = {
  value: 'value',
  column: 'identifier',
  table: 'identifier',
  fragment: 'keyword-or-fragment',
  unknown: 'unknown',
};

export function describeHoles(template: TemplateText, scan: ScanResult, stream: TokenStream): HoleRole[] {
  const roles: HoleRole[] = template.holeIds.map((hole) => ({ hole, role: 'unknown' }));
  for (const ordinal of scan.commentHoles) roles[ordinal].role = 'inside-comment';
  const tracker = new ClauseTracker(stream);
  for (let index = 0; index < stream.length; index++) {
    const token = stream.tokens[index];
    if (token.holes.length > 0) {
      const context = tracker.context();
      for (const ordinal of token.holes) {
        roles[ordinal] = { hole: template.holeIds[ordinal], ...roleOfHoleIn(template, context, index, ordinal) };
      }
    }
    tracker.advance(index);
  }
  return roles;
}

type RoleDetails = Omit<HoleRole, 'hole'>;

function roleOfHoleIn(template: TemplateText, context: SlotContext, index: number, ordinal: number): RoleDetails {
  const token = context.stream.tokens[index];
  switch (token.kind) {
    case 'hole':
      return standaloneHoleRole(context, index);
    case 'word':
      // Glued into a name (`logs_{suffix}`); glued only to digits (`{n}0`) it is anyone's guess.
      return { role: /^[0-9]*$/.test(token.text) ? 'unknown' : 'identifier' };
    case 'string':
      return literalHoleRole(template, context, index, ordinal);
    case 'quoted':
      return quotedHoleRole(template, context, index, ordinal);
    default:
      return { role: 'unknown' };
  }
}

function standaloneHoleRole(context: SlotContext, index: number): RoleDetails {
  const { stream, frame } = context;
  const previous = stream.at(index - 1);
  const next = stream.at(index + 1);
  if (isNamePiece(stream.tokens, index)) return { role: 'identifier' };
  // Glued to the end of a number or a literal (`LIMIT 1{n}`, `'a'{b}`): the hole extends a token.
  if (!stream.tokens[index].spaceBefore && (previous?.kind === 'number' || previous?.kind === 'string')) return { role: 'unknown' };
  if (stream.is(index - 1, 'IN')) return { role: 'value', inList: true };
  if (frame.kind === 'in-list' && isPunct(previous, '(') && isPunct(next, ')')) return { role: 'value', inList: true };
  return { role: ROLE_OF_SLOT[slotAt(context, index, index + 1)] };
}

/** Glued to a `.` on either side (`{schema}.users`, `t.{col}`) or called (`{fn}(`). */
function isNamePiece(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (isPunct(previous, '.') && !token.spaceBefore) return tokens[index - 2]?.kind !== 'number';
  if (next === undefined || next.spaceBefore) return false;
  return isPunct(next, '(') || (isPunct(next, '.') && tokens[index + 2]?.kind !== 'number');
}

function literalHoleRole(template: TemplateText, context: SlotContext, index: number, ordinal: number): RoleDetails {
  const token = context.stream.tokens[index];
  if (!token.literal?.terminated) return { role: 'unknown' };
  if (token.holes.length > 1) return { role: 'inside-string' };
  const details = quoteDetails(template, token, ordinal);
  const previous = context.stream.at(index - 1);
  const typed = previous?.kind === 'word' && TYPED_LITERAL_TYPES.has(previous.upper);
  const slot = slotAt(context, index, index + 1);
  const isValue = !typed && (slot === 'value' || slot === 'column');
  return { role: isValue ? 'value' : 'inside-string', ...details };
}

function quotedHoleRole(template: TemplateText, context: SlotContext, index: number, ordinal: number): RoleDetails {
  const token = context.stream.tokens[index];
  if (!token.literal?.terminated) return { role: 'unknown' };
  if (token.literal.delimiter !== '"' || isNamePiece(context.stream.tokens, index)) return { role: 'identifier' };
  const slot = slotAt(context, index, index + 1);
  if (slot === 'column' || slot === 'table') return { role: 'identifier' };
  if (slot !== 'value') return { role: 'unknown' };
  // A double-quoted string in a value position: MySQL's default mode.
  if (token.holes.length > 1) return { role: 'inside-string' };
  return { role: 'value', ...quoteDetails(template, token, ordinal) };
}
