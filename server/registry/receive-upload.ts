/**
 * Streams an upload to a temp file while hashing it, stopping at the byte cap. On any failure
 * the temp file is gone before the error reaches the caller.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';

export interface ReceivedUpload {
  path: string;
  sha256: string;
  sizeBytes: number;
}

export async function receiveUpload(
  body: AsyncIterable<Uint8Array>,
  opts: { tmpDir: string; maxBytes: number },
): Promise<ReceivedUpload> {
  const path = join(opts.tmpDir, `upload-${randomBytes(8).toString('hex')}.part`);
  const file = await open(path, 'wx', 0o600);
  const hash = createHash('sha256');
  let sizeBytes = 0;
  try {
    for await (const chunk of body) {
      sizeBytes += chunk.byteLength;
      // Breaking out of for-await ends the body's iterator: we stop reading at the cap.
      if (sizeBytes > opts.maxBytes) {
        throw new AppError('PAYLOAD_TOO_LARGE', `Upload exceeds the limit of ${opts.maxBytes} bytes`);
      }
      hash.update(chunk);
      await file.write(chunk);
    }
    await file.close();
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(path, { force: true });
    throw err;
  }
  return { path, sha256: hash.digest('hex'), sizeBytes };
}
