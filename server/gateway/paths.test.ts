import { describe, expect, it } from 'vitest';
import { parseGatewayPath } from './paths';

describe('parseGatewayPath', () => {
  it.each([
    ['/v2/health/live', { kind: 'live' }],
    ['/v2/health/ready', { kind: 'ready' }],
    ['/v2', { kind: 'server-metadata' }],
    ['/v2/models/text-orientation', { kind: 'model', endpoint: 'text-orientation', action: 'metadata' }],
    ['/v2/models/ep/ready', { kind: 'model', endpoint: 'ep', action: 'ready' }],
    ['/v2/models/ep/infer', { kind: 'model', endpoint: 'ep', action: 'infer' }],
    ['/v2/models/ep/stats', { kind: 'model', endpoint: 'ep', action: 'stats' }],
    ['/v2/models/ep/versions/3', { kind: 'model', endpoint: 'ep', version: 3, action: 'metadata' }],
    ['/v2/models/ep/versions/3/infer', { kind: 'model', endpoint: 'ep', version: 3, action: 'infer' }],
    ['/v2/models/ep/versions/0/infer', { kind: 'unknown-version', endpoint: 'ep', version: '0' }],
    ['/v2/models/ep/versions/abc/infer', { kind: 'unknown-version', endpoint: 'ep', version: 'abc' }],
    ['/v2/models/ep/versions/2/stats', { kind: 'model', endpoint: 'ep', version: 2, action: 'stats' }],
    ['/v2/models/ep/config', { kind: 'model', endpoint: 'ep', action: 'config' }],
    ['/v2/models/ep/versions/2/config', { kind: 'model', endpoint: 'ep', version: 2, action: 'config' }],
    ['/v2/models/stats', { kind: 'all-stats' }],
    ['/v2/models/%E0%A4%A/infer', { kind: 'unknown' }],
    ['/v2/models/ep/explode', { kind: 'unknown' }],
    ['/metrics', { kind: 'unknown' }],
  ])('%s', (path, want) => {
    expect(parseGatewayPath(path)).toEqual(want);
  });

  it.each(['01', '1e0', '0x1', '1.0', '+1', '%201', '%31', '1000000000'])('version %j is not canonical, so the path names nothing', (version) => {
    expect(parseGatewayPath(`/v2/models/ep/versions/${version}/infer`)).toEqual({ kind: 'unknown-version', endpoint: 'ep', version });
  });
});
