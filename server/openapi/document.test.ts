import { describe, expect, it } from 'vitest';
import { errorStatuses } from '../http/contract';
import { ROUTES } from '../http/contracts';
import { buildOpenApiDocument } from './document';

type Operation = {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, unknown> };
  'x-required-role'?: string;
};

const doc = buildOpenApiDocument('1.2.3') as unknown as {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};
const operationOf = (method: string, path: string) => doc.paths[path]?.[method.toLowerCase()];

describe('the route contract table', () => {
  it('has unique operation ids and unique method + path pairs', () => {
    expect(new Set(ROUTES.map((r) => r.operationId)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(ROUTES.length);
  });

  it('declares a schema for every path parameter it names', () => {
    for (const route of ROUTES) {
      const named = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(route.params?.shape ?? {}).sort(), route.operationId).toEqual(named.sort());
    }
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the given version', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.version).toBe('1.2.3');
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('describes %s', (_name, route) => {
    const op = operationOf(route.method, route.path);
    expect(op?.operationId).toBe(route.operationId);
    expect(op?.['x-required-role']).toBe(route.access);
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual([route.response.status, ...errorStatuses(route)].map(String).sort());
    for (const status of errorStatuses(route)) {
      expect(op?.responses?.[status]?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ErrorEnvelope' });
    }
    expect(op?.security).toEqual(route.access === 'public' ? [] : [{ bearer: [] }, { session: [] }]);
    const pathParams = (op?.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    expect(pathParams.sort()).toEqual(Object.keys(route.params?.shape ?? {}).sort());
  });

  it('has no operation that is not in the contract table', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('documents both upload encodings and the binary download', () => {
    const upload = operationOf('POST', '/models/{model}/versions');
    expect(Object.keys(upload?.requestBody?.content ?? {}).sort()).toEqual(['application/octet-stream', 'multipart/form-data']);
    const download = operationOf('GET', '/models/{model}/versions/{version}/artifact');
    expect(Object.keys(download?.responses?.['200']?.content ?? {})).toEqual(['application/octet-stream']);
  });

  it('declares the bearer and cookie security schemes and names the shared schemas', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'slipway_session' },
    });
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Model', 'ModelVersion', 'Endpoint', 'ErrorEnvelope', 'AuditPage', 'CreatedToken']));
  });

  it('is the same document when built twice (naming the schemas is idempotent)', () => {
    expect(buildOpenApiDocument('1.2.3')).toEqual(doc);
  });
});
