// Languages Lastline has no parser for but still reads lexically: where their comments, strings,
// annotations and brackets are. Enough to find suppression comments and attributes outside
// strings (a `"//nolint"` in a Go string is no directive) in the languages assistants write.
// The editor's languageId for these files is not one Lastline reads (`text`), so the file name
// decides, and a shebang for extensionless scripts.

export type LexicalLanguage =
  | 'go'
  | 'java'
  | 'kotlin'
  | 'csharp'
  | 'ruby'
  | 'php'
  | 'rust'
  | 'shell'
  /** `//` and `/* *\/` comments, `"`/`'` strings: C, C++, Objective-C, Swift, Scala, Dart, Groovy. */
  | 'c-like'
  /** `#` comments: Perl, R, Elixir, Julia, PowerShell, Makefiles, CMake. */
  | 'hash-comments'
  /** `--` comments: SQL, Lua. */
  | 'dash-comments';

const BY_EXTENSION: Record<string, LexicalLanguage> = {
  go: 'go',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  cs: 'csharp',
  csx: 'csharp',
  rb: 'ruby',
  rake: 'ruby',
  gemspec: 'ruby',
  ru: 'ruby',
  php: 'php',
  phtml: 'php',
  rs: 'rust',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ksh: 'shell',
  bats: 'shell',
  c: 'c-like',
  h: 'c-like',
  cc: 'c-like',
  cpp: 'c-like',
  cxx: 'c-like',
  hh: 'c-like',
  hpp: 'c-like',
  hxx: 'c-like',
  m: 'c-like',
  mm: 'c-like',
  swift: 'c-like',
  scala: 'c-like',
  sc: 'c-like',
  dart: 'c-like',
  groovy: 'c-like',
  gradle: 'c-like',
  pl: 'hash-comments',
  pm: 'hash-comments',
  r: 'hash-comments',
  ex: 'hash-comments',
  exs: 'hash-comments',
  jl: 'hash-comments',
  ps1: 'hash-comments',
  psm1: 'hash-comments',
  mk: 'hash-comments',
  cmake: 'hash-comments',
  sql: 'dash-comments',
  lua: 'dash-comments',
};

const BY_NAME: Record<string, LexicalLanguage> = {
  rakefile: 'ruby',
  gemfile: 'ruby',
  '.bashrc': 'shell',
  '.bash_profile': 'shell',
  '.zshrc': 'shell',
  '.profile': 'shell',
  makefile: 'hash-comments',
  gnumakefile: 'hash-comments',
  'cmakelists.txt': 'hash-comments',
};

const SHELL_SHEBANG = /^#![ \t]*\/\S*?(?:\/env[ \t]+)?(?:ba|z|k|da)?sh\b/;

/** The lexical language of a file by its name (or a shell shebang); undefined for others. */
export function lexicalLanguageOf(path: string, text: string): LexicalLanguage | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const byName = BY_NAME[name];
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  const byExtension = dot === -1 ? undefined : BY_EXTENSION[name.slice(dot + 1)];
  if (byExtension) return byExtension;
  return dot === -1 && SHELL_SHEBANG.test(text.slice(0, 128)) ? 'shell' : undefined;
}
