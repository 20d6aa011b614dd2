/**
 * Streams a stored artifact as a download. The file is content-addressed and never rewritten, so
 * its sha256 is a strong ETag; stat first so a missing file fails before any header is sent.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { ArtifactRef } from '../context';
import { DECLARED_LENGTH_HEADER } from './declared-length';
import { NO_STORE } from './responses';

export function artifactFilename(model: string, version: number): string {
  return `${model}-v${version}.onnx`;
}

export function artifactResponse(ref: ArtifactRef, filename: string): Response {
  const sizeBytes = statSync(ref.path).size;
  const body = Readable.toWeb(createReadStream(ref.path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      [DECLARED_LENGTH_HEADER]: String(sizeBytes),
      'content-disposition': `attachment; filename="${filename}"`,
      etag: `"${ref.sha256}"`,
      'cache-control': NO_STORE,
    },
  });
}
