// Route path text: joining mount prefixes, prefix tests for path-scoped middleware, and Next.js
// middleware matchers.
import type { Framework } from './model';

/** Frameworks where `/users/` and `/users` are different routes (Django's APPEND_SLASH, Flask's strict slashes, FastAPI's redirects). */
const TRAILING_SLASH_MATTERS: ReadonlySet<Framework> = new Set(['django', 'flask', 'fastapi']);

/**
 * `['/admin', '', 'users/:id']` → `/admin/users/:id`; Django's `^…$` regex anchors are dropped for
 * display. Where the framework tells `/users/` from `/users`, the last part's trailing slash stays.
 */
export function joinRoutePaths(framework: Framework, parts: readonly string[]): string {
  const segments: string[] = [];
  let trailingSlash = false;
  for (const raw of parts) {
    let part = raw;
    if (framework === 'django') part = part.replace(/^\^/, '').replace(/\$$/, '');
    if (part === '') continue;
    trailingSlash = part.endsWith('/');
    for (const segment of part.split('/')) if (segment) segments.push(segment);
  }
  const joined = `/${segments.join('/')}`;
  return trailingSlash && segments.length > 0 && TRAILING_SLASH_MATTERS.has(framework) ? `${joined}/` : joined;
}

/** Whether `path` is `prefix` or below it, on segment boundaries (`/admin` covers `/admin/x`, not `/administrator`). */
export function pathUnderPrefix(path: string, prefix: string): boolean {
  const normalizedPrefix = `/${prefix.split('/').filter(Boolean).join('/')}`;
  if (normalizedPrefix === '/') return true;
  return path === normalizedPrefix || path.startsWith(`${normalizedPrefix}/`);
}

/**
 * Next.js `config.matcher` entries are path-to-regexp patterns (`/admin/:path*`) that may hold
 * regular-expression groups (`/((?!api|_next/static).*)`). A pattern that does not compile is
 * taken to match, so a matcher we cannot read never makes a route look unprotected.
 */
export function matchesNextMatcher(pattern: string, path: string): boolean {
  try {
    let source = '';
    for (let index = 0; index < pattern.length; index++) {
      const char = pattern[index];
      if (char === ':') {
        const name = /^[A-Za-z_]\w*/.exec(pattern.slice(index + 1));
        if (!name) return true;
        index += name[0].length;
        const modifier = pattern[index + 1];
        if (modifier === '*') {
          source = source.replace(/\/$/, '') + '(?:/.*)?';
          index++;
        } else if (modifier === '+') {
          source += '.+';
          index++;
        } else if (modifier === '?') {
          source = source.replace(/\/$/, '') + '(?:/[^/]+)?';
          index++;
        } else source += '[^/]+';
      } else if (char === '(') {
        // A regex group: copy it to its balancing parenthesis.
        let depth = 0;
        let end = index;
        for (; end < pattern.length; end++) {
          if (pattern[end] === '(') depth++;
          else if (pattern[end] === ')' && --depth === 0) break;
        }
        source += pattern.slice(index, end + 1);
        index = end;
      } else {
        source += /[.+?^${}|[\]\\]/.test(char) ? `\\${char}` : char;
      }
    }
    return new RegExp(`^${source}/?$`).test(path);
  } catch {
    return true;
  }
}
