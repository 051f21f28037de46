// Reads one file's route summary: runs every framework reader whose cheap text test passes, plus
// the module bindings and the auth-helper detection, over one shared parse. Files that no reader
// wants and that hold no auth helper are never parsed.
import { parseJavaScript, type JsParse } from '../languages/javascript';
import { JS_LANGUAGES, type SourceLanguage } from '../languages/language';
import { loadPythonParser, parsePythonWith, type PythonParse } from '../languages/python';
import { readJsAuthDefinitions } from './javascript/auth-evidence';
import { readJsModuleBindings } from './javascript/module-bindings';
import { manifestKind } from './apps/manifests';
import { addAuthDefinitions, emptyFileRoutes, type FileRoutes } from './model';
import { readPythonAuthDefinitions } from './python/auth-evidence';
import { readPythonImports } from './python/module-bindings';
import type { RouteSourceFile } from './reader';
import { JS_ROUTE_READERS, PYTHON_ROUTE_READERS } from './readers';

/** Text that an auth helper's body holds: a 401/403 response, a permission base, a login redirect. */
const AUTH_HELPER_HINT =
  /\b40[13]\b|Unauthori[sz]ed|Forbidden|HTTP_40[13]|CanActivate|BasePermission|PermissionDenied|NotAuthenticated|login_url|[Rr]edirect\([^)\n]{0,80}log_?in/;

export interface RouteParses {
  javascript(): JsParse;
  python(): PythonParse;
}

/** Whether a file may contribute anything to the route model (routes, containers, settings, auth helpers). */
export function mayHoldRoutes(file: Pick<RouteSourceFile, 'text' | 'path' | 'language'>): boolean {
  return mayDeclareRoutes(file) || mayHoldAuthHelpers(file);
}

/** Whether the file may define an auth helper (a 401/403, a permission class, a login redirect). */
export function mayHoldAuthHelpers(file: Pick<RouteSourceFile, 'text' | 'language'>): boolean {
  return (JS_LANGUAGES.has(file.language) || file.language === 'python') && AUTH_HELPER_HINT.test(file.text);
}

/** Whether some framework reader may find routes, apps or settings in the file (auth helpers aside), or the file is a manifest. */
export function mayDeclareRoutes(file: Pick<RouteSourceFile, 'text' | 'path' | 'language'>): boolean {
  if (manifestKind(file.path)) return true;
  const readers = JS_LANGUAGES.has(file.language) ? JS_ROUTE_READERS : file.language === 'python' ? PYTHON_ROUTE_READERS : undefined;
  return !!readers && readers.some((reader) => reader.mayApply(file.text, file.path));
}

export function readFileRoutes(file: RouteSourceFile, parses: RouteParses): FileRoutes {
  const summary = emptyFileRoutes(file.path);
  // A manifest's folder is an app root, whatever else the file holds (manage.py is also Python).
  const manifest = manifestKind(file.path);
  if (manifest) summary.manifest = { kind: manifest };
  if (JS_LANGUAGES.has(file.language)) {
    const readers = JS_ROUTE_READERS.filter((reader) => reader.mayApply(file.text, file.path));
    const helpers = AUTH_HELPER_HINT.test(file.text);
    if (readers.length === 0 && !helpers) return summary;
    const program = parses.javascript().ast;
    if (!program) return summary; // a file that does not parse tells nothing reliable
    Object.assign(summary, readJsModuleBindings(program));
    for (const reader of readers) reader.read(file, program, summary);
    // Once per file, whichever readers ran: their inline middleware may already be recorded.
    addAuthDefinitions(summary, readJsAuthDefinitions(program, file.lines));
  } else if (file.language === 'python') {
    const readers = PYTHON_ROUTE_READERS.filter((reader) => reader.mayApply(file.text, file.path));
    const helpers = AUTH_HELPER_HINT.test(file.text);
    if (readers.length === 0 && !helpers) return summary;
    const root = parses.python().tree.rootNode;
    summary.imports = readPythonImports(root);
    for (const reader of readers) reader.read(file, root, summary);
    if (helpers) addAuthDefinitions(summary, readPythonAuthDefinitions(root, file.lines));
  }
  return summary;
}

/** Reads a file's summary from its text alone (index building): parses as needed, frees the parse. */
export async function summarizeRoutes(file: RouteSourceFile): Promise<FileRoutes> {
  if (!mayHoldRoutes(file)) return emptyFileRoutes(file.path);
  let python: PythonParse | undefined;
  const parser = file.language === 'python' ? await loadPythonParser() : undefined;
  try {
    return readFileRoutes(file, {
      javascript: () => parseJavaScript(file.text, file.language as SourceLanguage, file.path),
      python: () => (python ??= parsePythonWith(parser!, file.text)),
    });
  } finally {
    python?.tree.delete();
  }
}
