/**
 * Wire schemas of the model registry (docs/api-contract.md "Models" and "Versions"). Each schema
 * shares its PascalCase name with its type. Pure zod, safe for route handlers and client code.
 */
import { z } from 'zod';
import { DATATYPES } from '../../protocol/datatypes';
import { DnsLabel, IsoTime, NextCursor, PageLimit, PathPositiveInt, Tag, Tags } from '../common/schemas';

export const MODEL_STATUSES = ['active', 'archived'] as const;
export const ModelStatus = z.enum(MODEL_STATUSES);
export type ModelStatus = z.infer<typeof ModelStatus>;

export const VERSION_STATUSES = ['ready', 'archived'] as const;
export const VersionStatus = z.enum(VERSION_STATUSES);
export type VersionStatus = z.infer<typeof VersionStatus>;

export const MODEL_FORMATS = ['onnx'] as const;

const Description = z.string().max(2000);
const Task = z.string().max(64);

export const ModelName = DnsLabel;

export const CreateModelInput = z.strictObject({
  name: ModelName,
  description: Description.optional(),
  task: Task.optional(),
  tags: Tags.optional(),
});
export type CreateModelInput = z.infer<typeof CreateModelInput>;

export const UpdateModelInput = z.strictObject({
  description: Description.optional(),
  task: Task.optional(),
  tags: Tags.optional(),
});
export type UpdateModelInput = z.infer<typeof UpdateModelInput>;

/** Query-string filters: `q` matches name or description, `tag` one tag exactly. */
export const ListModelsQuery = z.object({
  q: z.string().max(200).optional(),
  tag: Tag.optional(),
  status: ModelStatus.optional(),
  limit: PageLimit,
  cursor: z.string().max(200).optional(),
});
export type ListModelsQuery = z.infer<typeof ListModelsQuery>;

export const Model = z.object({
  name: z.string(),
  description: z.string(),
  task: z.string(),
  tags: z.array(z.string()),
  status: ModelStatus,
  createdBy: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  latestVersion: z.number().int().nullable(),
  versionCount: z.number().int(),
});
export type Model = z.infer<typeof Model>;

export const ModelList = z.object({ items: z.array(Model), nextCursor: NextCursor });
export type ModelList = z.infer<typeof ModelList>;

/** A dynamic dimension is -1 or its symbolic name. */
export const TensorSpec = z.object({
  name: z.string(),
  datatype: z.enum(DATATYPES),
  shape: z.array(z.union([z.number().int(), z.string()])),
});
export type TensorSpec = z.infer<typeof TensorSpec>;

export const ModelSignature = z.object({ inputs: z.array(TensorSpec), outputs: z.array(TensorSpec) });
export type ModelSignature = z.infer<typeof ModelSignature>;

export const ModelMetadata = z.object({
  producer: z.string().optional(),
  opset: z.number().int().optional(),
  irVersion: z.number().int().optional(),
});
export type ModelMetadata = z.infer<typeof ModelMetadata>;

/** In paths (`/versions/{version}`); see PathPositiveInt. */
export const VersionNumber = PathPositiveInt;

export const ModelVersion = z.object({
  model: z.string(),
  version: z.number().int().min(1),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  format: z.enum(MODEL_FORMATS),
  description: z.string(),
  tags: z.array(z.string()),
  signature: ModelSignature,
  metadata: ModelMetadata,
  status: VersionStatus,
  createdBy: z.string(),
  createdAt: IsoTime,
});
export type ModelVersion = z.infer<typeof ModelVersion>;

/** Newest first. */
export const VersionList = z.object({ items: z.array(ModelVersion) });
export type VersionList = z.infer<typeof VersionList>;

export const UpdateVersionInput = z.strictObject({
  description: Description.optional(),
  tags: Tags.optional(),
});
export type UpdateVersionInput = z.infer<typeof UpdateVersionInput>;

/** Upload metadata from the query string (`?description=…&tags=a,b`) or multipart fields. */
export const VersionUploadFields = z.object({
  description: Description.optional(),
  tags: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((t) => t.trim()).filter(Boolean) : undefined))
    .pipe(Tags.optional()),
});
export type VersionUploadFields = z.infer<typeof VersionUploadFields>;
