// Structure checks for procedure calls: `CALL name(…)` and T-SQL / Postgres / Oracle EXEC[UTE].
import { atStatementEnd, skipParens } from './shape-helpers';
import type { TokenStream } from './token-stream';
import { isOperator, isPunct, type Token } from './tokens';

/**
 * `CALL <name>(…)`, the parenthesis touching the name and the statement ending after it.
 * "Call support (24/7)" and "Call us (toll free)" leave a space before the parenthesis.
 */
export function isCallShaped(stream: TokenStream, leader: number): boolean {
  const nameEnd = stream.nameEnd(leader + 1);
  if (nameEnd === leader + 1) return false;
  return isGluedCall(stream, nameEnd);
}

/**
 * `EXEC[UTE] [@status =] <name> [arguments]`, `EXECUTE stmt(…)` (Postgres prepared statements),
 * `EXEC('…')` / `EXEC(@sql)` and Oracle's `EXECUTE IMMEDIATE …`. After the procedure name only
 * the end, `WITH …`, or an argument that cannot be an English word may follow: a literal, a
 * parameter, a variable, a hole.
 */
export function isExecShaped(stream: TokenStream, leader: number): boolean {
  let at = leader + 1;
  if (stream.is(at, 'IMMEDIATE')) return isDynamicSqlStart(stream.at(at + 1));
  if (isPunct(stream.at(at), '(')) {
    const after = skipParens(stream, at);
    return after >= 0 && isDynamicSqlStart(stream.at(at + 1)) && (atStatementEnd(stream, after) || stream.is(after, 'AT'));
  }
  if (stream.at(at)?.placeholder === 'named-at' && isOperator(stream.at(at + 1), '=')) at += 2;
  const nameEnd = stream.nameEnd(at);
  if (nameEnd === at) return false;
  if (atStatementEnd(stream, nameEnd) || stream.is(nameEnd, 'WITH')) return true;
  if (isPunct(stream.at(nameEnd), '(')) return isGluedCall(stream, nameEnd);
  return isArgumentStart(stream.at(nameEnd));
}

function isGluedCall(stream: TokenStream, open: number): boolean {
  const token = stream.at(open);
  if (!isPunct(token, '(') || token?.spaceBefore) return false;
  const after = skipParens(stream, open);
  return after >= 0 && atStatementEnd(stream, after);
}

function isDynamicSqlStart(token: Token | undefined): boolean {
  if (token === undefined) return false;
  return token.kind === 'string' || token.kind === 'placeholder' || token.kind === 'hole' || token.kind === 'word';
}

function isArgumentStart(token: Token | undefined): boolean {
  if (token === undefined) return false;
  switch (token.kind) {
    case 'string':
    case 'number':
    case 'placeholder':
    case 'variable':
    case 'hole':
      return true;
    case 'operator':
      return token.text === '-';
    default:
      return false;
  }
}
