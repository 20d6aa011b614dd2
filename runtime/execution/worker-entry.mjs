// Worker threads do not inherit tsx's loader in every launch mode (npx tsx, node --import tsx,
// vitest), so the worker starts from this plain module, registers tsx, then loads the TS entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
