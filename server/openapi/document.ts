/**
 * The OpenAPI 3.1 document of the admin API, generated from the route contract table
 * (`server/http/contracts`): every route with its parameters, bodies (JSON, raw and multipart
 * uploads), responses, the error envelope per failure status, and the role it needs.
 */
import {
  getRefId,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  zodToOpenAPIRegistry,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ApiToken, CreatedToken, Me } from '../auth/schemas';
import { AuditEvent, AuditPage } from '../audit/schemas';
import { Endpoint, EndpointList, RuntimeConfig } from '../endpoints/schemas';
import { ERROR_CODES } from '../errors';
import { errorStatuses, type RouteContract } from '../http/contract';
import { API_BASE_PATH, Health, ROUTES } from '../http/contracts';
import { SESSION_COOKIE } from '../http/credentials';
import { Model, ModelList, ModelVersion, TensorSpec, VersionList } from '../registry/schemas';

export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const NAMED_SCHEMAS: Record<string, z.ZodType> = {
  ErrorEnvelope,
  Health,
  Me,
  ApiToken,
  CreatedToken,
  AuditEvent,
  AuditPage,
  Model,
  ModelList,
  TensorSpec,
  ModelVersion,
  VersionList,
  RuntimeConfig,
  Endpoint,
  EndpointList,
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input: malformed JSON, wrong types or unknown fields (see `issues`)',
  401: 'Missing or invalid credentials',
  403: 'The credential lacks the role, or a cross-site browser request was refused',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflicts with the current state (duplicate name, in use, archived)',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported content type',
  422: 'Not a loadable ONNX model',
  429: 'Too many failed attempts from this client; see `Retry-After`',
  500: 'Internal error (no details are disclosed)',
  503: 'The control plane is not ready',
  507: 'The data volume is full (free space, then retry)',
};

const BINARY = { type: 'string' as const, contentMediaType: 'application/octet-stream' };

const UPLOAD_CONTENT: NonNullable<NonNullable<RouteConfig['request']>['body']>['content'] = {
  'application/octet-stream': { schema: BINARY },
  'multipart/form-data': {
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        description: { type: 'string', description: 'Send before the file part' },
        tags: { type: 'string', description: 'Comma-separated; send before the file part' },
        file: BINARY,
      },
    },
  },
} as const;

/**
 * Names the shared schemas in the generator's own registry, on the very objects the contracts use,
 * so they become `$ref`s to components (without patching zod's prototype via extendZodWithOpenApi).
 */
function nameSchemas(): void {
  for (const [name, schema] of Object.entries(NAMED_SCHEMAS)) {
    if (getRefId(schema)) continue;
    const current = zodToOpenAPIRegistry.get(schema);
    zodToOpenAPIRegistry.add(schema, { ...current, _internal: { ...current?._internal, refId: name } });
  }
}

function requestBody(contract: RouteContract): RouteConfig['request'] {
  const request: NonNullable<RouteConfig['request']> = {};
  if (contract.params) request.params = contract.params;
  if (contract.query) request.query = contract.query;
  if (contract.body?.kind === 'json') request.body = { required: true, content: { 'application/json': { schema: contract.body.schema } } };
  if (contract.body?.kind === 'upload') request.body = { required: true, content: UPLOAD_CONTENT };
  return request;
}

function responses(contract: RouteContract): Record<string, ResponseConfig> {
  const { status, description, schema, contentType = 'application/json' } = contract.response;
  const ok: ResponseConfig = { description };
  if (contentType === 'application/octet-stream') ok.content = { 'application/octet-stream': { schema: BINARY } };
  else if (schema && status !== 204) ok.content = { 'application/json': { schema } };
  const all: Record<string, ResponseConfig> = { [status]: ok };
  for (const code of errorStatuses(contract)) {
    all[code] = { description: STATUS_TEXT[code] ?? 'Error', content: { 'application/json': { schema: ErrorEnvelope } } };
  }
  return all;
}

function security(contract: RouteContract): RouteConfig['security'] {
  return contract.access === 'public' ? [] : [{ bearer: [] }, { session: [] }];
}

export function buildOpenApiDocument(version: string): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  nameSchemas();
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token secret: `Authorization: Bearer slw_…`',
  });
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Browser session from POST /auth/login; mutations must carry a same-origin `Origin` header',
  });
  for (const contract of ROUTES) {
    const role = contract.access === 'public' ? 'none (public)' : `${contract.access} or higher`;
    registry.registerPath({
      method: contract.method.toLowerCase() as RouteConfig['method'],
      path: contract.path,
      operationId: contract.operationId,
      summary: contract.summary,
      description: `Required role: ${role}.`,
      tags: contract.tags,
      security: security(contract),
      'x-required-role': contract.access,
      request: requestBody(contract),
      responses: responses(contract),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Slipway admin API',
      version,
      description: 'Model registry, endpoints, tokens and audit of the Slipway control plane. Errors are `{ error: { code, message, issues? } }`.',
    },
    servers: [{ url: API_BASE_PATH }],
    security: [{ bearer: [] }, { session: [] }],
  });
}
