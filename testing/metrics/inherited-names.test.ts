/**
 * Issue 9, item 1, against the real server (`server/main.ts` with the demo endpoint): unauthenticated
 * inference requests naming `__proto__`, `constructor`, … as the model or version get the gateway's
 * 404 ("unknown model"), and the metrics rollup goes on saving the real endpoint's history (it once
 * failed every run after one such request, until a restart).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, SETUP_TIMEOUT_MS, startControlPlane, waitFor, type ControlPlane } from '../control-plane';
import { INHERITED_KEYS } from '../fuzz/mutations';

const ENDPOINT = 'text-orientation';
let plane: ControlPlane;
let gateway: string;
let validBody: string;

async function inferDemo(): Promise<number> {
  const res = await fetch(`${gateway}/v2/models/${ENDPOINT}/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: validBody });
  await res.arrayBuffer();
  return res.status;
}

beforeAll(async () => {
  await ensureBuild();
  plane = await startControlPlane({ demo: true });
  gateway = await waitFor(() => /inference gateway \(KServe v2\) listening on (http:\/\/\S+)/.exec(plane.output())?.[1], 10_000, 'the gateway address');
  await waitFor(async () => ((await fetch(`${gateway}/v2/models/${ENDPOINT}/ready`)).ok ? true : undefined), 120_000, 'the demo endpoint ready');
  const meta = (await (await fetch(`${gateway}/v2/models/${ENDPOINT}`)).json()) as { inputs: { name: string; datatype: string; shape: number[] }[] };
  const input = meta.inputs[0]!;
  const shape = input.shape.map((d) => (d < 0 ? 1 : d));
  validBody = JSON.stringify({ inputs: [{ name: input.name, datatype: input.datatype, shape, data: new Array(shape.reduce((a, b) => a * b, 1)).fill(0) }] });
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await plane?.stop();
});

describe('inherited names at the gateway', () => {
  it('answer 404 in the KServe error shape, and the rollup keeps saving the real endpoint', { timeout: 90_000 }, async () => {
    expect(await inferDemo()).toBe(200);
    const paths = INHERITED_KEYS.flatMap((key) => [`/v2/models/${key}/infer`, `/v2/models/${encodeURIComponent(key)}/versions/1/infer`, `/v2/models/${ENDPOINT}/versions/${key}/infer`]);
    for (const path of paths) {
      const res = await fetch(`${gateway}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: validBody });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: string }).error, path).toMatch(/unknown model|not found/);
    }
    const afterMs = Date.now();
    expect(await inferDemo()).toBe(200);

    // The rollup timer (10 s, 2 s grace) saves the bucket of the last request, and only real series.
    const db = new Database(join(plane.dataDir, 'slipway.db'), { readonly: true });
    try {
      const rows = await waitFor(() => {
        const got = db.prepare('select endpoint, version, bucket_start as bucketStartMs, requests from metric_rollups where resolution_seconds = 10').all() as { endpoint: string; version: number; bucketStartMs: number; requests: number }[];
        return got.some((r) => r.endpoint === ENDPOINT && r.bucketStartMs + 10_000 > afterMs && r.requests > 0) ? got : undefined;
      }, 45_000, 'a rollup row of the demo endpoint after the hostile requests');
      expect([...new Set(rows.map((r) => `${r.endpoint}/${r.version}`))]).toEqual([`${ENDPOINT}/1`]);
    } finally {
      db.close();
    }

    const metrics = await (await fetch(`${plane.baseUrl}/metrics`, { headers: { authorization: `Bearer ${plane.adminToken}` } })).text();
    expect(metrics).toMatch(/^slipway_metrics_rollup_rows_skipped_total 0$/m);
    expect(Number(/^slipway_gateway_unrouted_requests_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(paths.length);
    expect(plane.output()).not.toMatch(/metrics rollup failed/);
  });
});
