// Lexical reading of the languages Lastline has no parser for: which language a file is, where its
// comments and strings are, its bracket structure, and its annotations and attributes.
export { findAtAnnotations, findBracketAttributes, findRustAttributes, type Annotation, type Argument, type ArgumentValue } from './annotations';
export { lexicalLanguageOf, type LexicalLanguage } from './languages';
export { isCommentSpan, type LexicalScan, type LexicalSpan } from './model';
export { scanLexically } from './scanner';
export { LexicalStructure } from './structure';
export { lexicalStructure } from './rule-context';
