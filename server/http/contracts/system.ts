/** Health and the OpenAPI document: the routes anyone may call. */
import { z } from 'zod';
import { defineRoute } from '../contract';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type Health = z.infer<typeof Health>;

export const health = defineRoute({
  operationId: 'getHealth',
  method: 'GET',
  path: '/health',
  access: 'public',
  summary: 'Liveness of the control plane, its version and uptime',
  tags: ['system'],
  response: { status: 200, description: 'The control plane is up', schema: Health },
});

export const openapi = defineRoute({
  operationId: 'getOpenApi',
  method: 'GET',
  path: '/openapi.json',
  access: 'public',
  summary: 'This OpenAPI 3.1 document',
  tags: ['system'],
  response: { status: 200, description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) },
});
