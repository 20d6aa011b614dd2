/**
 * Tuning vocabulary as plain data, without zod, so db comments, the API, the dashboard and e2e
 * share one list. `running → succeeded | failed | cancelled`; `applied` is a time on a
 * succeeded run, not a status (a run can be applied again after the endpoint drifted).
 */
export const TUNING_STATUSES = ['running', 'succeeded', 'failed', 'cancelled'] as const;
export type TuningStatus = (typeof TUNING_STATUSES)[number];

/** Search stages, in order: instance layout, batch size, queue delay / preferred sizes. */
export const TUNING_STAGES = ['layout', 'batch', 'delay', 'done'] as const;
export type TuningStage = (typeof TUNING_STAGES)[number];

export const TUNING_DEFAULTS = {
  maxMinutes: 10,
  /** Closed-loop clients per point, rising until p99 breaks the SLA or throughput stops rising. */
  concurrencies: [1, 4, 16, 64],
  /** Per point: answers in the first `warmupMs` do not count; those in the next `windowMs` do. */
  warmupMs: 1000,
  windowMs: 3000,
};

/** A scratch runtime's request body limit (the runtime's default): one synthetic request must fit. */
export const SCRATCH_MAX_BODY_BYTES = 64 * 1024 * 1024;
