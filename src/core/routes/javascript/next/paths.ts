// Next.js routes come from file paths: `app/api/users/[id]/route.ts` serves `/api/users/:id`,
// `pages/api/users/index.ts` serves `/api/users`, and `middleware.ts` at the project root (Next 16:
// `proxy.ts`) runs before them.

export interface NextRouteFile {
  /** App-router route handler (`route.ts`, named exports per method) or pages-router API route (default export). */
  router: 'app' | 'pages-api';
  /** URL path: `(group)` and `@slot` folders dropped, `[id]` → `:id`, `[...slug]`/`[[...slug]]` → `*`. */
  path: string;
  /** The Next.js app the route belongs to: the folder holding `app/` or `pages/` (`src/` aside); '' at the project root. */
  appFolder: string;
}

const SCRIPT = /\.(ts|tsx|js|jsx|mjs|cjs)$/;

export function nextRouteFile(filePath: string): NextRouteFile | undefined {
  if (!SCRIPT.test(filePath)) return undefined;
  const segments = filePath.split('/');
  if (segments.includes('node_modules')) return undefined;
  const base = segments[segments.length - 1].replace(SCRIPT, '');
  const appIndex = routerFolderIndex(segments, 'app');
  if (appIndex >= 0 && base === 'route') {
    const folders = segments.slice(appIndex + 1, -1);
    // `_private` folders opt out of routing.
    if (folders.some((folder) => folder.startsWith('_'))) return undefined;
    return { router: 'app', path: urlPath(folders), appFolder: appFolder(segments.slice(0, appIndex)) };
  }
  const pagesIndex = routerFolderIndex(segments, 'pages');
  // `users.test.ts` next to the routes is a test, not an API route.
  if (pagesIndex >= 0 && segments[pagesIndex + 1] === 'api' && !/\.(test|spec|d)$/.test(base)) {
    const parts = segments.slice(pagesIndex + 1, -1);
    if (base !== 'index') parts.push(base);
    return { router: 'pages-api', path: urlPath(parts), appFolder: appFolder(segments.slice(0, pagesIndex)) };
  }
  return undefined;
}

/**
 * `middleware.ts` / `src/middleware.ts` (and Next 16's `proxy.ts`) at the root of a Next.js app —
 * which in a monorepo is a folder (`apps/web/middleware.ts`); the resolver applies it only to
 * the routes of that folder.
 */
export function isNextMiddlewareFile(filePath: string): boolean {
  return /(?:^|\/)(src\/)?(middleware|proxy)\.(ts|js|mjs|tsx|jsx)$/.test(filePath);
}

/** The folder whose routes a Next.js middleware file guards (`apps/web` for `apps/web/src/middleware.ts`). */
export function nextAppRootOf(middlewareFile: string): string {
  return middlewareFile.replace(/(?:^|\/)(?:src\/)?(?:middleware|proxy)\.[a-z]+$/, '');
}

/**
 * Where the router folder is: `src/app` when there is one (`packages/app/src/app/…` is a package
 * named app), else the first `app` (`app/api/app/route.ts` serves `/api/app`).
 */
function routerFolderIndex(segments: readonly string[], name: string): number {
  const underSrc = segments.findIndex((segment, index) => segment === name && segments[index - 1] === 'src');
  return underSrc >= 0 ? underSrc : segments.indexOf(name);
}

/** `['apps', 'web', 'src']` (the folders above `app/`) → `apps/web`. */
function appFolder(above: readonly string[]): string {
  return (above[above.length - 1] === 'src' ? above.slice(0, -1) : above).join('/');
}

function urlPath(folders: readonly string[]): string {
  const parts: string[] = [];
  for (const folder of folders) {
    if (/^\(.*\)$/.test(folder) || folder.startsWith('@')) continue;
    if (/^\[\[?\.\.\..+\]\]?$/.test(folder)) parts.push('*');
    else if (/^\[.+\]$/.test(folder)) parts.push(`:${folder.slice(1, -1)}`);
    else parts.push(folder);
  }
  return `/${parts.join('/')}`;
}
