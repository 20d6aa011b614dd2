/** Small presentational pieces for query states and the API's error envelope. */
import { ApiError } from '../_lib/api';

/** The envelope's message plus the issues that no form field shows next to itself. */
export function ErrorAlert({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Request failed';
  const loose =
    error instanceof ApiError ? error.issues.filter((issue) => !fields.some((f) => issue.path === f || issue.path.startsWith(`${f}.`))) : [];
  return (
    <div role="alert" className="alert">
      {message}
      {loose.length > 0 && (
        <ul>
          {loose.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join('; ')}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
