// Next.js: routes come from the file path (app-router `route.ts` method exports, pages-router
// `pages/api` default exports) and from 'use server' actions; guards are calls at the top of a
// handler or wrappers around it; `middleware.ts` at the root guards the paths its matcher covers.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FileRoutes } from '../../model';
import type { JsRouteReader, RouteSourceFile } from '../../reader';
import { addNextGuard } from './add-guard';
import { readNextMiddleware } from './middleware';
import { isNextMiddlewareFile, nextRouteFile } from './paths';
import { nextRouteEntries } from './route-entries';

/**
 * A root `middleware.ts` of a Next.js app names Next somewhere (`next/server`, `next-auth`,
 * `@clerk/nextjs`, `NextResponse`), exports `middleware` (`export { auth as middleware } from
 * '@/auth'`) or has a `matcher`; another project's root middleware.ts is left alone.
 */
const MENTIONS_NEXT = /next|\bmiddleware\s*[,}]|function\s+(middleware|proxy)\b|\bmatcher\b/i;

const next: JsRouteReader = {
  framework: 'nextjs',
  mayApply: (text, path) => nextRouteFile(path) !== undefined || (isNextMiddlewareFile(path) && MENTIONS_NEXT.test(text)) || text.includes('use server'),
  read(file: RouteSourceFile, program: TSESTree.Program, into: FileRoutes): void {
    for (const entry of nextRouteEntries(file, program)) into.routes.push(entry.route);
    if (isNextMiddlewareFile(file.path) && MENTIONS_NEXT.test(file.text)) {
      const middleware = readNextMiddleware(program, file.lines);
      into.projectGuards.push(...middleware.guards);
      into.authDefinitions.push(...middleware.definitions);
    }
  },
  addGuard: addNextGuard,
};

export default next;
