// The contract between the route machinery and one framework: a reader fills a FileRoutes summary
// from a parsed file, and a guard fixer writes the edit that adds the project's guard to one of
// that framework's routes. Readers are pure (no fs), like rules.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageKind } from '../languages/language';
import type { LineIndex } from '../text';
import type { Fix } from '../types';
import type { FileRoutes, Framework, GuardKind, HandlerDecl, RouteDecl } from './model';

export interface RouteSourceFile {
  /** Relative to the project root, `/`-separated (Next.js routes are derived from it). */
  path: string;
  text: string;
  lines: LineIndex;
  language: LanguageKind;
}

interface ReaderBase {
  framework: Framework;
  /**
   * Cheap text test before any parse: could this file hold this framework's routes, apps, guards or
   * settings? False negatives lose routes, so it is generous; false positives only cost a parse.
   */
  mayApply(text: string, path: string): boolean;
  /** Writes the edit that adds `guard` to a route (or the handler of a route) of this framework; undefined when it cannot be done safely. */
  addGuard?(input: GuardFixInput): Fix | undefined;
}

export interface JsRouteReader extends ReaderBase {
  read(file: RouteSourceFile, program: TSESTree.Program, into: FileRoutes): void;
}

export interface PythonRouteReader extends ReaderBase {
  read(file: RouteSourceFile, root: Node, into: FileRoutes): void;
}

/** The guard to add, chosen by the resolver among those the project already uses. */
export interface GuardToAdd {
  name: string;
  kind: GuardKind;
  /** As written where the project uses it (`requireAuth`, `passport.authenticate('jwt')`, `Depends(get_current_user)`, `JwtAuthGuard`). */
  text: string;
  /** For `handler-call` guards: the check's statements as written in the sibling handler. */
  statements?: string;
  /** FastAPI: the sibling's whole parameter (`current_user: User = Depends(get_current_user)`), to copy. */
  parameter?: string;
  /**
   * Imports the inserted text needs, with module paths already rewritten for the target file.
   * A fixer adds each unless the file already binds `local`.
   */
  imports: { local: string; module: string; imported: string }[];
}

export interface GuardFixInput {
  file: RouteSourceFile;
  /** The route as read from this file (registration here), or undefined when only the handler is here (Django views). */
  route?: RouteDecl;
  /** The handler in this file, for frameworks whose guard goes on the handler (Django, Next.js). */
  handler?: HandlerDecl;
  guard: GuardToAdd;
  /** This file's summary (its imports tell a fixer which names are already bound). */
  summary: FileRoutes;
  javascript?: TSESTree.Program;
  python?: Node;
}
