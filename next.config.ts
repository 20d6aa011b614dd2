import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native and process-spawning modules stay outside the bundle: route handlers share the
  // composition root's instances through globalThis, never a bundled second copy.
  serverExternalPackages: ['better-sqlite3', 'drizzle-orm', 'onnxruntime-node', 'pino', 'busboy'],
  // `npm test` runs `tsc --noEmit` and ESLint; skipping them here keeps first start fast.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
