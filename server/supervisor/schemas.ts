/** Wire schemas of runtime replicas (the replicas table). Pure zod. */
import { z } from 'zod';
import { IsoTime } from '../common/schemas';

export const REPLICA_STATES = ['starting', 'warming', 'ready', 'draining', 'stopped', 'failed'] as const;

export const Replica = z.object({
  version: z.number().int(),
  replica: z.number().int(),
  pid: z.number().int().nullable(),
  state: z.enum(REPLICA_STATES),
  restarts: z.number().int(),
  lastError: z.string().nullable(),
  lastHealthyAt: IsoTime.nullable(),
  updatedAt: IsoTime,
});
export type Replica = z.infer<typeof Replica>;

export const ReplicaList = z.object({ items: z.array(Replica) });
export type ReplicaList = z.infer<typeof ReplicaList>;
