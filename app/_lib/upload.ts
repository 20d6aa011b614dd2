/**
 * Uploads a model artifact as raw bytes with XMLHttpRequest, the one browser API that reports
 * upload progress. Resolves with the created version; rejects with an ApiError from the envelope.
 */
import { API_BASE, ApiError, apiErrorFrom, queryString } from './api';
import type { ModelVersion } from './types';

export interface UploadInput {
  model: string;
  file: Blob;
  description: string;
  onProgress: (fraction: number) => void;
}

export function uploadVersion({ model, file, description, onProgress }: UploadInput): Promise<ModelVersion> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/models/${encodeURIComponent(model)}/versions${queryString({ description })}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ModelVersion);
      else reject(apiErrorFrom(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Upload failed: the connection was lost'));
    xhr.send(file);
  });
}

/** What the form says for each refusal; the API's own message is kept where it is the useful part. */
export function uploadErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Upload failed';
  switch (error.status) {
    case 413:
      return `File too large: ${error.message}`;
    case 415:
      return `Unsupported upload: ${error.message}`;
    case 422:
      return `Not a loadable ONNX model: ${error.message}`;
    default:
      return error.message;
  }
}
