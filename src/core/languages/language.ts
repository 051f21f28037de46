// Which reader a file goes through. In the editor the language comes from VS Code's languageId;
// in the CLI and hooks from the file name. Both map onto the same LanguageKind.

export type SourceLanguage = 'javascript' | 'javascriptreact' | 'typescript' | 'typescriptreact' | 'python';

export type ConfigFormat = 'dotenv' | 'yaml' | 'json' | 'jsonc' | 'toml' | 'ini' | 'properties' | 'dockerfile' | 'npmrc' | 'terraform';

export type LanguageKind = SourceLanguage | ConfigFormat | 'text';

export const JS_LANGUAGES: ReadonlySet<LanguageKind> = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact']);

export const CONFIG_FORMATS: ReadonlySet<LanguageKind> = new Set<LanguageKind>([
  'dotenv',
  'yaml',
  'json',
  'jsonc',
  'toml',
  'ini',
  'properties',
  'dockerfile',
  'npmrc',
  'terraform',
]);

const BY_EXTENSION: Record<string, LanguageKind> = {
  '.js': 'javascript',
  '.cjs': 'javascript',
  '.mjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.ts': 'typescript',
  '.cts': 'typescript',
  '.mts': 'typescript',
  '.tsx': 'typescriptreact',
  '.py': 'python',
  '.pyi': 'python',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.json5': 'jsonc',
  '.toml': 'toml',
  '.ini': 'ini',
  '.cfg': 'ini',
  '.conf': 'ini',
  '.properties': 'properties',
  '.tf': 'terraform',
  '.tfvars': 'terraform',
  '.hcl': 'terraform',
  '.env': 'dotenv',
  '.dockerfile': 'dockerfile',
};

/** JSON files that are JSONC by convention (comments allowed), as VS Code treats them. */
const JSONC_NAMES = new Set(['tsconfig.json', 'jsconfig.json', '.eslintrc.json', 'devcontainer.json', '.lastline.json']);

export function languageFromFileName(path: string): LanguageKind {
  const name = baseName(path).toLowerCase();
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'dotenv';
  if (name === 'dockerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile') || name === 'containerfile') {
    return 'dockerfile';
  }
  if (name === '.npmrc' || name === 'npmrc' || name === '.yarnrc') return 'npmrc';
  if (name === '.pypirc' || name === '.gitconfig' || name === '.editorconfig' || name === 'setup.cfg') return 'ini';
  if (JSONC_NAMES.has(name) || /^tsconfig\..*\.json$/.test(name)) return 'jsonc';
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const byExtension = BY_EXTENSION[name.slice(dot)];
    if (byExtension) return byExtension;
  }
  return 'text';
}

const BY_VSCODE_ID: Record<string, LanguageKind> = {
  javascript: 'javascript',
  javascriptreact: 'javascriptreact',
  typescript: 'typescript',
  typescriptreact: 'typescriptreact',
  python: 'python',
  yaml: 'yaml',
  dockercompose: 'yaml',
  json: 'json',
  jsonc: 'jsonc',
  toml: 'toml',
  ini: 'ini',
  properties: 'properties',
  dockerfile: 'dockerfile',
  terraform: 'terraform',
  dotenv: 'dotenv',
  plaintext: 'text',
};

/**
 * The editor's languageId wins when it names a language we read; otherwise the file name decides
 * (VS Code reports `.env` and `.npmrc` as plaintext or `properties` unless an extension says more).
 */
export function languageFromEditor(languageId: string, path: string): LanguageKind {
  const fromName = languageFromFileName(path);
  const fromId = BY_VSCODE_ID[languageId];
  if (!fromId || fromId === 'text') return fromName;
  if (CONFIG_FORMATS.has(fromName) && CONFIG_FORMATS.has(fromId)) return fromName; // `.env` shown as properties
  return fromId;
}

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1);
}
