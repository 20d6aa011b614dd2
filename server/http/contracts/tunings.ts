/** Tuning: the built-in model analyzer on scratch runtimes, and applying what it found. */
import { StartTuningInput, Tuning, TuningActionParams, TuningList, TuningParams } from '../../tuning/schemas';
import { defineRoute } from '../contract';
import { EndpointParams } from './params';

export const startTuning = defineRoute({
  operationId: 'startTuning',
  method: 'POST',
  path: '/endpoints/{endpoint}/tunings',
  access: 'deployer',
  summary: 'Search batch size, queue delay, preferred sizes, instances and threads for the best throughput within a p99 SLA (one run at a time per endpoint)',
  tags: ['tuning'],
  params: EndpointParams,
  body: { kind: 'json', schema: StartTuningInput },
  response: { status: 201, description: 'The run, starting', schema: Tuning },
  errors: [404, 409, 412],
});

export const listTunings = defineRoute({
  operationId: 'listTunings',
  method: 'GET',
  path: '/endpoints/{endpoint}/tunings',
  access: 'viewer',
  summary: "An endpoint's tuning runs, newest first",
  tags: ['tuning'],
  params: EndpointParams,
  response: { status: 200, description: 'Tuning runs', schema: TuningList },
});

export const getTuning = defineRoute({
  operationId: 'getTuning',
  method: 'GET',
  path: '/endpoints/{endpoint}/tunings/{id}',
  access: 'viewer',
  summary: 'One run: progress, every measurement, the Pareto front (throughput vs p99) and the best config within the SLA',
  tags: ['tuning'],
  params: TuningParams,
  response: { status: 200, description: 'The run', schema: Tuning },
});

export const actOnTuning = defineRoute({
  operationId: 'actOnTuning',
  method: 'POST',
  path: '/endpoints/{endpoint}/tunings/{id}/{action}',
  access: 'deployer',
  summary: 'apply (roll the best config onto the endpoint, replica by replica) | cancel (stop a running run, keeping its measurements)',
  tags: ['tuning'],
  params: TuningActionParams,
  response: { status: 200, description: 'The run after the action', schema: Tuning },
  errors: [404, 409],
});
