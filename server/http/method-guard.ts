/**
 * Which methods reach Next.js. Next answers an unknown method (TRACE, PROPFIND…) with a 500, so
 * the custom server refuses it first with 405; on the admin API it also refuses a known method
 * that no route of the path takes, naming the ones that do in `Allow`. Pure.
 */
import type { RouteContract } from './contract';
import { API_BASE_PATH, ROUTES } from './contracts';

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const PAGE_METHODS = ['GET', 'HEAD'];

/** `/models/{model}` → a pattern matching one concrete path below the API base. */
function templatePattern(path: string): RegExp {
  const source = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+');
  return new RegExp(`^${source}/?$`);
}

export interface MethodTable {
  allowed(pathname: string): string[] | null;
}

/** Null for paths no contract matches (they answer 404 for the usual methods). */
export function apiMethodTable(routes: RouteContract[] = ROUTES): MethodTable {
  const patterns = routes.map((r) => ({ pattern: templatePattern(r.path), method: r.method }));
  return {
    allowed(pathname) {
      if (!pathname.startsWith(`${API_BASE_PATH}/`)) return null;
      const below = pathname.slice(API_BASE_PATH.length);
      const methods = new Set(patterns.filter((p) => p.pattern.test(below)).map((p) => p.method as string));
      if (methods.size === 0) return null;
      // Next answers HEAD from GET and OPTIONS itself on every route handler.
      if (methods.has('GET')) methods.add('HEAD');
      methods.add('OPTIONS');
      return [...methods].sort();
    },
  };
}

export type MethodVerdict = { pass: true } | { pass: false; allow: string[] | null };

export function checkMethod(method: string | undefined, pathname: string, api: MethodTable): MethodVerdict {
  const m = (method ?? '').toUpperCase();
  const isApi = pathname === API_BASE_PATH || pathname.startsWith(`${API_BASE_PATH}/`);
  const allow = isApi ? api.allowed(pathname) : PAGE_METHODS;
  if (!HTTP_METHODS.has(m)) return { pass: false, allow };
  if (isApi && allow && !allow.includes(m)) return { pass: false, allow };
  return { pass: true };
}
