import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../server/http/contracts';
import type { RouteContract } from '../../../server/http/contract';

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;
const root = import.meta.dirname;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('[...') ? [] : routeFiles(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

/** `models/[model]/versions/route.ts` → `/models/{model}/versions`. */
const contractPath = (file: string) =>
  `/${relative(root, file)}`.replace(/\/route\.ts$/, '').replace(/\[(\w+)\]/g, '{$1}') || '/';

describe('route handler files', () => {
  it('export exactly the routes of the contract table, each under its own path and method', async () => {
    const exported: string[] = [];
    for (const file of routeFiles(root)) {
      const mod = (await import(file)) as Record<string, unknown>;
      expect(mod.runtime, file).toBe('nodejs');
      for (const method of METHODS) {
        const handler = mod[method] as { contract?: RouteContract } | undefined;
        if (!handler) continue;
        expect(handler.contract, `${method} in ${file} is not built with withRoute`).toBeDefined();
        expect(`${handler.contract?.method} ${handler.contract?.path}`).toBe(`${method} ${contractPath(file)}`);
        exported.push(handler.contract?.operationId ?? '');
      }
    }
    expect(exported.sort()).toEqual(ROUTES.map((r) => r.operationId).sort());
  });
});
