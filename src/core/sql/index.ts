// SQL recognition for string-built queries: whether a template's constant text is a SQL
// statement, what each interpolated hole stands for, and which placeholder style the text
// already uses. Pure, linear in the text, no dependencies.
export { analyzeSqlTemplate, isSqlText } from './analyze';
export { placeholderStyle } from './placeholders';
export type {
  DelimiterPosition,
  HoleRole,
  HoleRoleKind,
  PlaceholderStyle,
  QuotedAlone,
  QuotedWithText,
  SqlHole,
  SqlStatementKind,
  SqlTemplateAnalysis,
  SqlTemplatePart,
} from './types';
