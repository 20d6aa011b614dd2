/**
 * Reads a JSON request body under a size cap. Admin API bodies are small documents; the cap keeps
 * a runaway or hostile client from making the server buffer megabytes before zod even looks.
 */
import { AppError } from '../errors';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export function isJsonContentType(header: string | null): boolean {
  const mediaType = header?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json' || (mediaType?.startsWith('application/') === true && mediaType.endsWith('+json'));
}

export async function readJson(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `JSON bodies are limited to ${maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new AppError('PAYLOAD_TOO_LARGE', `JSON bodies are limited to ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'The body is not valid JSON', [{ path: '', message: 'Malformed JSON' }]);
  }
}
