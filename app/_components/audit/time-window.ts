/**
 * The audit page's From/To inputs are `datetime-local` values read as UTC, as every time on the
 * dashboard is shown in UTC; the API wants full ISO times.
 */
export function utcInputToIso(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return '';
  const date = new Date(`${value}Z`);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
