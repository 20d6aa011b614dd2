/** Endpoints: the names inference clients call, each serving one model version. */
import { ScalingStatus } from '../../autoscaling/schemas';
import { CreateEndpointInput, Endpoint, EndpointList, UpdateEndpointInput } from '../../endpoints/schemas';
import { defineRoute } from '../contract';
import { EndpointParams } from './params';

export const listEndpoints = defineRoute({
  operationId: 'listEndpoints',
  method: 'GET',
  path: '/endpoints',
  access: 'viewer',
  summary: 'List endpoints',
  tags: ['endpoints'],
  response: { status: 200, description: 'All endpoints', schema: EndpointList },
});

export const createEndpoint = defineRoute({
  operationId: 'createEndpoint',
  method: 'POST',
  path: '/endpoints',
  access: 'deployer',
  summary: 'Create an endpoint serving a model version (runtime config defaults applied)',
  tags: ['endpoints'],
  body: { kind: 'json', schema: CreateEndpointInput },
  response: { status: 201, description: 'The new endpoint', schema: Endpoint },
  errors: [404, 409],
});

export const getEndpoint = defineRoute({
  operationId: 'getEndpoint',
  method: 'GET',
  path: '/endpoints/{endpoint}',
  access: 'viewer',
  summary: 'One endpoint',
  tags: ['endpoints'],
  params: EndpointParams,
  response: { status: 200, description: 'The endpoint', schema: Endpoint },
});

export const updateEndpoint = defineRoute({
  operationId: 'updateEndpoint',
  method: 'PATCH',
  path: '/endpoints/{endpoint}',
  access: 'deployer',
  summary: 'Change the served version or merge a runtime config patch',
  tags: ['endpoints'],
  params: EndpointParams,
  body: { kind: 'json', schema: UpdateEndpointInput },
  response: { status: 200, description: 'The updated endpoint', schema: Endpoint },
  errors: [409],
});

export const deleteEndpoint = defineRoute({
  operationId: 'deleteEndpoint',
  method: 'DELETE',
  path: '/endpoints/{endpoint}',
  access: 'deployer',
  summary: 'Delete an endpoint',
  tags: ['endpoints'],
  params: EndpointParams,
  response: { status: 204, description: 'Deleted' },
});

export const getScaling = defineRoute({
  operationId: 'getScaling',
  method: 'GET',
  path: '/endpoints/{endpoint}/scaling',
  access: 'viewer',
  summary: 'Autoscaling: the policy, desired and ready replicas, why (at capacity with the budget), the last cold start, replica samples and scaling events of the last hour',
  tags: ['endpoints'],
  params: EndpointParams,
  response: { status: 200, description: 'Scaling status', schema: ScalingStatus },
});
