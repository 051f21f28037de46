// Directives written as code, not comments: annotations (Java, Kotlin), attributes (C#, Rust) and
// C#'s warning pragma. Found in the file's code by its lexical structure, never in strings or
// comments.
import type { LexicalStructure } from '../../languages/lexical';
import type { DirectiveSite } from '../model';
import { csharpAttributeDirectives } from './csharp-attributes';
import { csharpPragmaDirectives } from './csharp-pragma';
import { javaAnnotationDirectives } from './java-annotations';
import { rustAttributeDirectives } from './rust-attributes';

export function findCodeDirectives(structure: LexicalStructure): DirectiveSite[] {
  switch (structure.scan.language) {
    case 'java':
    case 'kotlin':
      return javaAnnotationDirectives(structure);
    case 'csharp':
      return [...csharpPragmaDirectives(structure), ...csharpAttributeDirectives(structure)];
    case 'rust':
      return rustAttributeDirectives(structure);
    default:
      return [];
  }
}
