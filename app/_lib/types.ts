/**
 * Wire types of the admin API as docs/api-contract.md defines them. Local until server/ publishes
 * its zod schemas; then these become re-exports of the schemas' inferred types.
 */
import type { TensorSpec } from '../../protocol/datatypes';

export type Role = 'viewer' | 'deployer' | 'admin';

export interface Me {
  name: string;
  role: Role;
}

export interface Model {
  name: string;
  description: string;
  task: string;
  tags: string[];
  status: 'active' | 'archived';
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  latestVersion: number | null;
  versionCount: number;
}

export interface ModelVersion {
  model: string;
  version: number;
  sha256: string;
  sizeBytes: number;
  format: 'onnx';
  description: string;
  tags: string[];
  signature: { inputs: TensorSpec[]; outputs: TensorSpec[] };
  metadata: { producer?: string; opset?: number; irVersion?: number };
  status: 'ready' | 'archived';
  createdBy: string;
  createdAt: string;
}

export interface RuntimeConfig {
  replicas: number;
  instances: number;
  maxBatchSize: number;
  preferredBatchSizes: number[];
  maxQueueDelayMs: number;
  maxQueueSize: number;
  queueTimeoutMs: number;
  cache: { enabled: boolean; maxBytes: number };
  device: 'cpu' | 'cuda';
  intraOpThreads: number;
  warmupRuns: number;
}

export interface Endpoint {
  name: string;
  model: string;
  version: number;
  config: RuntimeConfig;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEvent {
  id: string | number;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  at: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface List<T> {
  items: T[];
}
