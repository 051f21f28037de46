// "Move to environment variable": the literal becomes the language's environment lookup, the value
// goes to `.env` (created if missing), `.env` is git-ignored, and `.env.example` documents the name.
// Offered only where the rewrite is right for the file; otherwise `undefined` and the rule's
// message says what to do instead.
import { JS_LANGUAGES } from '../languages/language';
import type { RuleContext } from '../rule';
import type { Fix, FileAppend, TextEdit } from '../types';
import type { StringCandidate } from './candidates';
import { chooseEnvName, dotenvLine } from './env-name';

export function moveToEnvironmentFix(context: RuleContext, candidate: StringCandidate, suggestedName: string): Fix | undefined {
  const { file } = context;
  const lines = file.lines;
  const edit = (start: number, end: number, newText: string): TextEdit => ({ range: lines.rangeOf(start, end), newText });

  if (file.language === 'dotenv') return dotenvFix(context, candidate);

  const variable = candidate.envDefault
    ? chooseExisting(context, candidate.envDefault.variable, candidate.value)
    : chooseEnvName(context, suggestedName, candidate.value);
  const edits: TextEdit[] = [];
  if (JS_LANGUAGES.has(file.language)) {
    if (candidate.envDefault) edits.push(edit(candidate.envDefault.start, candidate.envDefault.end, candidate.envDefault.withoutDefault));
    else {
      const lookup = `process.env.${variable.name}`;
      edits.push(edit(candidate.literalStart, candidate.literalEnd, candidate.inJsxAttribute ? `{${lookup}}` : lookup));
    }
  } else if (file.language === 'python') {
    if (candidate.envDefault) edits.push(edit(candidate.envDefault.start, candidate.envDefault.end, candidate.envDefault.withoutDefault));
    else edits.push(edit(candidate.literalStart, candidate.literalEnd, `os.environ["${variable.name}"]`));
    // A settings library's own lookup (`config("KEY")`) needs no `os`.
    const importEdit = candidate.envDefault && !candidate.envDefault.withoutDefault.startsWith('os.') ? undefined : pythonImportOs(file.text);
    if (importEdit) edits.push(edit(importEdit.offset, importEdit.offset, importEdit.text));
  } else {
    const style = configInterpolation(file.path, file.language);
    if (!style) return undefined;
    if (candidate.envDefault) {
      // `${VAR:-literal}` → `${VAR}`; in a workflow, `${VAR:-…}` is the step's shell, not Actions.
      if (style === 'github-actions') return undefined;
      edits.push(edit(candidate.envDefault.start, candidate.envDefault.end, candidate.envDefault.withoutDefault));
    } else if (style === 'github-actions') {
      return {
        title: `Use the Actions secret \${{ secrets.${variable.name} }} (add it in the repository settings)`,
        safe: false,
        edits: [edit(candidate.valueStart, candidate.valueEnd, `\${{ secrets.${variable.name} }}`)],
      };
    } else {
      edits.push(edit(candidate.valueStart, candidate.valueEnd, `\${${variable.name}}`));
    }
  }
  return {
    title: `Move to environment variable ${variable.name}${variable.alreadyDefined ? ' (already in .env)' : ''}`,
    // Not safe for --fix: the program now needs the variable at run time.
    safe: false,
    edits,
    files: envFileAppends(variable.name, candidate.value, variable.alreadyDefined),
  };
}

function envFileAppends(name: string, value: string, alreadyDefined: boolean): FileAppend[] {
  return [
    ...(alreadyDefined ? [] : [{ path: '.env', appendLines: [dotenvLine(name, value)], unlessPresent: true, sensitive: true }]),
    { path: '.gitignore', appendLines: ['.env'], unlessPresent: true },
    { path: '.env.example', appendLines: [`${name}=`], unlessPresent: true },
  ];
}

/** The code already reads this variable: keep its name; append the value only if .env lacks it. */
function chooseExisting(context: RuleContext, name: string, value: string) {
  return { name, alreadyDefined: context.project.envVariables.has(name) || value === '' };
}

/**
 * A secret in a committed dotenv file. `.env.example`-style files get the value blanked (the real
 * one moves to `.env`); a real `.env` that git does not ignore gets ignored.
 */
function dotenvFix(context: RuleContext, candidate: StringCandidate): Fix | undefined {
  const { path, lines } = context.file;
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  if (/\.(example|sample|template|dist|defaults?)$/i.test(fileName)) {
    const name = candidate.name ?? 'SECRET';
    return {
      title: `Blank ${name} here and keep the value in .env`,
      safe: false,
      edits: [{ range: lines.rangeOf(candidate.literalStart, candidate.literalEnd), newText: '' }],
      files: [
        { path: '.env', appendLines: [dotenvLine(name, candidate.value)], unlessPresent: true, sensitive: true },
        { path: '.gitignore', appendLines: ['.env'], unlessPresent: true },
      ],
    };
  }
  return {
    title: `Stop committing ${path}: add it to .gitignore (then rotate the secret and git rm --cached it)`,
    safe: false,
    edits: [],
    files: [{ path: '.gitignore', appendLines: [path.includes('/') ? `/${path}` : path], unlessPresent: true }],
  };
}

type Interpolation = 'dollar-brace' | 'github-actions';

/** Config files whose tools substitute environment variables in values, and how. */
function configInterpolation(path: string, language: string): Interpolation | undefined {
  const fileName = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (language === 'yaml' && /(^|\/)\.github\/workflows\//.test(path)) return 'github-actions';
  if (language === 'yaml' && /^(docker-)?compose([.-][\w-]+)?\.ya?ml$/.test(fileName)) return 'dollar-brace';
  if (language === 'npmrc') return 'dollar-brace'; // npm expands ${VAR} in .npmrc values
  // Spring Boot resolves ${VAR} placeholders from the environment.
  if ((language === 'properties' || language === 'yaml') && /^application([.-][\w-]+)?\.(properties|ya?ml)$/.test(fileName)) return 'dollar-brace';
  return undefined;
}

/** Where `import os` goes when the file lacks it: before the first import, else after the docstring. */
function pythonImportOs(text: string): { offset: number; text: string } | undefined {
  if (/^\s*import\s+(?:[\w.]+\s*,\s*)*os(?:\s*,|\s*$|\s+as\s+os\b|\.)/m.test(text)) return undefined;
  const firstImport = /^(?:import|from)\s+(?!__future__)/m.exec(text);
  if (firstImport) return { offset: firstImport.index, text: 'import os\n' };
  const docstring = /^(?:\s*#[^\n]*\n)*\s*(?:[rRuU]?(?:"""[\s\S]*?"""|'''[\s\S]*?'''))[^\n]*\n/.exec(text);
  if (docstring) return { offset: docstring[0].length, text: 'import os\n' };
  const shebang = /^(?:#![^\n]*\n|#[^\n]*coding[:=][^\n]*\n)+/.exec(text);
  return { offset: shebang ? shebang[0].length : 0, text: 'import os\n\n' };
}
