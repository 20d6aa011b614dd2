/** Rollouts: shadow, canary and blue-green promotion of a candidate version, and the replicas serving it. */
import { z } from 'zod';
import { ROLLOUT_ACTIONS } from '../../rollout/apply-action';
import { Rollout, RolloutIdParams, RolloutList, StartRolloutInput } from '../../rollout/schemas';
import { ReplicaList } from '../../supervisor/schemas';
import { defineRoute } from '../contract';
import { EndpointParams } from './params';

export const startRollout = defineRoute({
  operationId: 'startRollout',
  method: 'POST',
  path: '/endpoints/{endpoint}/rollouts',
  access: 'deployer',
  summary: 'Start a shadow, canary or blue-green rollout of a version (at most one active per endpoint)',
  tags: ['rollouts'],
  params: EndpointParams,
  body: { kind: 'json', schema: StartRolloutInput },
  response: { status: 201, description: 'The rollout, starting its candidate', schema: Rollout },
  errors: [404, 409],
});

export const listRollouts = defineRoute({
  operationId: 'listRollouts',
  method: 'GET',
  path: '/endpoints/{endpoint}/rollouts',
  access: 'viewer',
  summary: "An endpoint's rollouts, newest first",
  tags: ['rollouts'],
  params: EndpointParams,
  response: { status: 200, description: 'Rollouts', schema: RolloutList },
});

export const rollbackEndpoint = defineRoute({
  operationId: 'rollbackEndpoint',
  method: 'POST',
  path: '/endpoints/{endpoint}/rollback',
  access: 'deployer',
  summary: 'Return the endpoint to the version its last promoted rollout replaced (instant while it is still warm)',
  tags: ['rollouts'],
  params: EndpointParams,
  response: { status: 200, description: 'The rolled-back rollout', schema: Rollout },
  errors: [404, 409],
});

export const listReplicas = defineRoute({
  operationId: 'listReplicas',
  method: 'GET',
  path: '/endpoints/{endpoint}/replicas',
  access: 'viewer',
  summary: "The endpoint's runtime processes: state, pid, restarts, last error",
  tags: ['endpoints'],
  params: EndpointParams,
  response: { status: 200, description: 'Replicas', schema: ReplicaList },
});

export const getRollout = defineRoute({
  operationId: 'getRollout',
  method: 'GET',
  path: '/rollouts/{id}',
  access: 'viewer',
  summary: 'One rollout with its analysis checks and shadow comparison',
  tags: ['rollouts'],
  params: RolloutIdParams,
  response: { status: 200, description: 'The rollout', schema: Rollout },
});

export const actOnRollout = defineRoute({
  operationId: 'actOnRollout',
  method: 'POST',
  path: '/rollouts/{id}/{action}',
  access: 'deployer',
  summary: 'pause | resume | promote (skip the remaining steps) | abort (all traffic back to stable at once)',
  tags: ['rollouts'],
  params: RolloutIdParams.extend({ action: z.enum(ROLLOUT_ACTIONS) }),
  response: { status: 200, description: 'The rollout after the action', schema: Rollout },
  errors: [404, 409],
});
