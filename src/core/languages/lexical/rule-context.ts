// The lexical reading of the analysed file, made once per file and shared by the rules that read
// it (the comments the suppression rule parses, the constructs its directives cover).
import type { RuleContext } from '../../rule';
import { lexicalLanguageOf } from './languages';
import { scanLexically } from './scanner';
import { LexicalStructure } from './structure';

/** Undefined for files a real reader handles (JS/TS, Python, config) and for unknown kinds. */
export function lexicalStructure(context: RuleContext): LexicalStructure | undefined {
  return context.memo('lexical:structure', () => {
    const { file } = context;
    if (file.language !== 'text') return undefined;
    const language = lexicalLanguageOf(file.path, file.text);
    return language ? new LexicalStructure(scanLexically(file.text, language)) : undefined;
  });
}
