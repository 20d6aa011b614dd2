/** Health and the OpenAPI document: the routes anyone may call. */
import { z } from 'zod';
import { StorageStatus } from '../../storage/schemas';
import { defineRoute } from '../contract';

/** `degraded`: up and serving, but something needs an operator (the data volume is low or full). */
export const HEALTH_STATUSES = ['ok', 'degraded'] as const;

export const Health = z.object({
  status: z.enum(HEALTH_STATUSES),
  version: z.string(),
  uptimeSeconds: z.number(),
  storage: StorageStatus,
});
export type Health = z.infer<typeof Health>;

export const health = defineRoute({
  operationId: 'getHealth',
  method: 'GET',
  path: '/health',
  access: 'public',
  summary: 'Liveness of the control plane, its version and uptime, and the free space of its data volume',
  tags: ['system'],
  response: { status: 200, description: 'The control plane is up (`degraded` when its data volume is low on space or full)', schema: Health },
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
