import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DRAINING_HEADER } from '../../protocol/kserve';
import { route, type RuntimeState } from './routes';

let server: http.Server | undefined;
afterEach(() => server?.close());

async function serve(state: RuntimeState): Promise<string> {
  server = http.createServer((req, res) => void route(state, req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const state = (draining: boolean): RuntimeState => ({ model: 'm', version: '1', maxBodyBytes: 1024, ready: true, draining, notReadyReason: draining ? 'the runtime is draining' : '' });
const infer = (url: string) => fetch(`${url}/v2/models/m/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"inputs":[]}' });

describe('draining answers', () => {
  it('refuse new inference with 503 and mark it, so a gateway knows nothing ran', async () => {
    const url = await serve(state(true));
    const res = await infer(url);
    expect(res.status).toBe(503);
    expect(res.headers.get(DRAINING_HEADER)).toBe('1');
    expect(((await res.json()) as { error: string }).error).toMatch(/draining/);
    expect((await fetch(`${url}/v2/health/ready`)).status).toBe(503);
  });

  it('carry no mark while the runtime serves', async () => {
    const url = await serve(state(false));
    const res = await fetch(`${url}/v2/health/live`);
    expect(res.status).toBe(200);
    expect(res.headers.get(DRAINING_HEADER)).toBeNull();
  });
});

describe('model versions in paths', () => {
  it.each([
    ['1', 200],
    ['2', 404],
    ['01', 404],
    ['1e0', 404],
    ['0x1', 404],
    ['1.0', 404],
    ['+1', 404],
    ['%201', 404],
    ['%31', 404],
    ['%zz', 404],
  ])('/v2/models/m/versions/%s/ready answers %d', async (version, status) => {
    const url = await serve(state(false));
    const res = await fetch(`${url}/v2/models/m/versions/${version}/ready`);
    expect(res.status).toBe(status);
    if (status === 404) expect(((await res.json()) as { error: string }).error).toBe(`Request for unknown model: 'm' version ${version} is not found`);
  });

  it('a malformed escape in the model name is not found, not an internal error', async () => {
    const url = await serve(state(false));
    expect((await fetch(`${url}/v2/models/%E0%A4%A/ready`)).status).toBe(404);
  });
});
