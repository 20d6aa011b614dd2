import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { bytesBody } from '../../testing/services';
import { receiveUpload } from './receive-upload';

let tmpDir: string;
beforeEach(() => {
  tmpDir = mkdtempSync(join(tmpdir(), 'slipway-upload-'));
});
afterEach(() => rmSync(tmpDir, { recursive: true, force: true }));

const bytes = Buffer.from('0123456789'.repeat(100));

describe('receiveUpload', () => {
  it('accepts exactly the cap, with the right hash and size', async () => {
    const r = await receiveUpload(bytesBody(bytes, 64), { tmpDir, maxBytes: bytes.byteLength });
    expect(r.sizeBytes).toBe(1000);
    expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(readFileSync(r.path).equals(bytes)).toBe(true);
  });

  it('one byte over the cap is PAYLOAD_TOO_LARGE and leaves no file', async () => {
    await expect(receiveUpload(bytesBody(bytes, 64), { tmpDir, maxBytes: bytes.byteLength - 1 })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('a body that fails midway (client hung up) leaves no file', async () => {
    async function* broken() {
      yield bytes.subarray(0, 100);
      throw new Error('aborted');
    }
    await expect(receiveUpload(broken(), { tmpDir, maxBytes: 10_000 })).rejects.toThrow('aborted');
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('the cap error is an AppError, so the HTTP layer answers 413', async () => {
    const err = await receiveUpload(bytesBody(bytes), { tmpDir, maxBytes: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
  });
});
