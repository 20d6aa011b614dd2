export function GET() {
  return Response.json({ status: 'ok', hello: (globalThis as Record<string, unknown>).__probe ?? null });
}
