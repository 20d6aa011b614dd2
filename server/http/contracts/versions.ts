/** Model versions: the ONNX upload, its metadata and the artifact download. */
import { ModelVersion, UpdateVersionInput, VersionList, VersionUploadFields } from '../../registry/schemas';
import { defineRoute } from '../contract';
import { ModelParams, VersionParams } from './params';

export const listVersions = defineRoute({
  operationId: 'listVersions',
  method: 'GET',
  path: '/models/{model}/versions',
  access: 'viewer',
  summary: 'List a model’s versions, newest first',
  tags: ['versions'],
  params: ModelParams,
  response: { status: 200, description: 'The versions', schema: VersionList },
});

export const uploadVersion = defineRoute({
  operationId: 'uploadVersion',
  method: 'POST',
  path: '/models/{model}/versions',
  access: 'deployer',
  summary:
    'Upload an ONNX model as a new version: raw bytes (application/octet-stream, description and tags in the query) ' +
    'or multipart/form-data with a `file` part (description and tags as fields before it)',
  tags: ['versions'],
  params: ModelParams,
  query: VersionUploadFields,
  body: { kind: 'upload' },
  response: { status: 201, description: 'The new version with the signature read from the model', schema: ModelVersion },
  errors: [409, 413, 422],
});

export const getVersion = defineRoute({
  operationId: 'getVersion',
  method: 'GET',
  path: '/models/{model}/versions/{version}',
  access: 'viewer',
  summary: 'One version',
  tags: ['versions'],
  params: VersionParams,
  response: { status: 200, description: 'The version', schema: ModelVersion },
});

export const updateVersion = defineRoute({
  operationId: 'updateVersion',
  method: 'PATCH',
  path: '/models/{model}/versions/{version}',
  access: 'deployer',
  summary: 'Change a version’s description or tags',
  tags: ['versions'],
  params: VersionParams,
  body: { kind: 'json', schema: UpdateVersionInput },
  response: { status: 200, description: 'The updated version', schema: ModelVersion },
});

export const archiveVersion = defineRoute({
  operationId: 'archiveVersion',
  method: 'POST',
  path: '/models/{model}/versions/{version}/archive',
  access: 'deployer',
  summary: 'Archive a version (refused while an endpoint serves it)',
  tags: ['versions'],
  params: VersionParams,
  response: { status: 200, description: 'The archived version', schema: ModelVersion },
  errors: [409],
});

export const downloadArtifact = defineRoute({
  operationId: 'downloadArtifact',
  method: 'GET',
  path: '/models/{model}/versions/{version}/artifact',
  access: 'viewer',
  summary: 'Download the version’s ONNX file (ETag is its sha256)',
  tags: ['versions'],
  params: VersionParams,
  response: { status: 200, description: 'The model bytes', contentType: 'application/octet-stream' },
});
