/**
 * Traffic generator for a local Slipway gateway (demo charts, manual checks):
 *   npm run loadgen -- --endpoint text-orientation --rps 50 --duration 60 [--repeat-pct 30]
 *   npm run loadgen -- --endpoint text-orientation --concurrency 8 --duration 30
 * Reads the endpoint's signature from `GET /v2/models/{endpoint}`, sends random binary KServe v2
 * requests of the right shapes, prints a line per second and a summary. Loopback gateways only.
 */
import http from 'node:http';
import { binaryRequest, concreteShape, dueRequests, emptyTally, parseLoadgenArgs, randomTensor, record, reportLine, type InferRequest, type LoadgenOptions, type TensorSpec, type Tally } from './loadgen-core';

interface Signature {
  inputs: TensorSpec[];
  outputs: { name: string }[];
}

/** Earlier inputs kept for `--repeat-pct` (bounded: a cache needs repeats, not a long history). */
const REPEAT_POOL = 64;

async function signature(o: LoadgenOptions): Promise<Signature> {
  const url = new URL(`/v2/models/${encodeURIComponent(o.endpoint)}`, o.gateway);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url.href}: ${res.status} ${await res.text()}`);
  const meta = (await res.json()) as Partial<Signature>;
  if (!Array.isArray(meta.inputs) || !Array.isArray(meta.outputs)) throw new Error(`GET ${url.href}: no inputs/outputs in the model metadata`);
  return { inputs: meta.inputs, outputs: meta.outputs };
}

function newRequest(sig: Signature): InferRequest {
  const inputs = sig.inputs.map((i) => {
    const shape = concreteShape(i.shape);
    return { name: i.name, datatype: i.datatype, shape, data: randomTensor(i.datatype, shape.reduce((a, b) => a * b, 1)) };
  });
  return binaryRequest(
    inputs,
    sig.outputs.map((out) => out.name),
  );
}

function send(agent: http.Agent, url: URL, req: InferRequest): Promise<number> {
  return new Promise((resolve) => {
    const r = http.request(url, { method: 'POST', agent, headers: req.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    r.on('error', () => resolve(0));
    r.end(req.body);
  });
}

async function main(): Promise<void> {
  const o = parseLoadgenArgs(process.argv.slice(2));
  const sig = await signature(o);
  const url = new URL(`/v2/models/${encodeURIComponent(o.endpoint)}/infer`, o.gateway);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency ?? 256 });
  const pool: InferRequest[] = [];
  const pick = (): InferRequest => {
    if (pool.length > 0 && Math.random() * 100 < o.repeatPct) return pool[Math.floor(Math.random() * pool.length)]!;
    const req = newRequest(sig);
    if (pool.length < REPEAT_POOL) pool.push(req);
    else pool[Math.floor(Math.random() * REPEAT_POOL)] = req;
    return req;
  };
  console.log(`loadgen: ${o.endpoint} at ${o.gateway.origin}, ${o.rps ? `${o.rps} rps` : `${o.concurrency} workers`}, ${o.durationSeconds} s, ${o.repeatPct} % repeats; inputs ${sig.inputs.map((i) => `${i.name}${JSON.stringify(concreteShape(i.shape))}`).join(', ')}`);

  const total: Tally = emptyTally();
  let second: Tally = emptyTally();
  const startMs = performance.now();
  const endMs = startMs + o.durationSeconds * 1000;
  const inflight = new Set<Promise<void>>();
  const fire = () => {
    const t0 = performance.now();
    const p = send(agent, url, pick()).then((status) => {
      const latency = performance.now() - t0;
      record(total, status, latency);
      record(second, status, latency);
    });
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
    return p;
  };
  let tick = 0;
  const reporter = setInterval(() => {
    tick++;
    console.log(reportLine(`[${String(tick).padStart(4)}s]`, second, 1));
    second = emptyTally();
  }, 1000);

  if (o.concurrency) {
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        while (performance.now() < endMs) await fire();
      }),
    );
  } else {
    let sent = 0;
    while (performance.now() < endMs) {
      const due = dueRequests(o.rps ?? 1, performance.now() - startMs, sent);
      for (let i = 0; i < due; i++) void fire();
      sent += due;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  await Promise.all(inflight);
  clearInterval(reporter);
  agent.destroy();
  console.log(reportLine(`summary over ${((performance.now() - startMs) / 1000).toFixed(1)} s:`, total, (performance.now() - startMs) / 1000));
  if (total.ok === 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`loadgen: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
