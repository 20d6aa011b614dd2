/** The model registry's models: reads for viewers, changes for deployers, deletion for admins. */
import { CreateModelInput, ListModelsQuery, Model, ModelList, UpdateModelInput } from '../../registry/schemas';
import { defineRoute } from '../contract';
import { ModelParams } from './params';

export const listModels = defineRoute({
  operationId: 'listModels',
  method: 'GET',
  path: '/models',
  access: 'viewer',
  summary: 'List models, filtered by text, tag or status',
  tags: ['models'],
  query: ListModelsQuery,
  response: { status: 200, description: 'One page of models and the cursor of the next', schema: ModelList },
});

export const createModel = defineRoute({
  operationId: 'createModel',
  method: 'POST',
  path: '/models',
  access: 'deployer',
  summary: 'Register a model name (versions are uploaded to it)',
  tags: ['models'],
  body: { kind: 'json', schema: CreateModelInput },
  response: { status: 201, description: 'The new model', schema: Model },
  errors: [409],
});

export const getModel = defineRoute({
  operationId: 'getModel',
  method: 'GET',
  path: '/models/{model}',
  access: 'viewer',
  summary: 'One model',
  tags: ['models'],
  params: ModelParams,
  response: { status: 200, description: 'The model', schema: Model },
});

export const updateModel = defineRoute({
  operationId: 'updateModel',
  method: 'PATCH',
  path: '/models/{model}',
  access: 'deployer',
  summary: 'Change a model’s description, task or tags',
  tags: ['models'],
  params: ModelParams,
  body: { kind: 'json', schema: UpdateModelInput },
  response: { status: 200, description: 'The updated model', schema: Model },
});

export const archiveModel = defineRoute({
  operationId: 'archiveModel',
  method: 'POST',
  path: '/models/{model}/archive',
  access: 'deployer',
  summary: 'Archive a model',
  tags: ['models'],
  params: ModelParams,
  response: { status: 200, description: 'The archived model', schema: Model },
  errors: [409],
});

export const deleteModel = defineRoute({
  operationId: 'deleteModel',
  method: 'DELETE',
  path: '/models/{model}',
  access: 'admin',
  summary: 'Delete a model and its versions (refused while an endpoint serves it)',
  tags: ['models'],
  params: ModelParams,
  response: { status: 204, description: 'Deleted' },
  errors: [409],
});
