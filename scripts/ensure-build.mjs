// Builds the Next.js app when no build exists or the sources changed since the last one, so that
// `npm start` works on a fresh clone and restarts stay fast. The stamp is a hash of file sizes and
// modification times of everything the build reads.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const inputs = ['app', 'server', 'db', 'protocol', 'public', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];
const stampFile = join(root, '.next', '.slipway-build-stamp');

function walk(path, hash) {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name === 'node_modules' || name.endsWith('.test.ts')) continue;
      walk(join(path, name), hash);
    }
  } else {
    hash.update(`${path}:${st.size}:${st.mtimeMs}\n`);
  }
}

const hash = createHash('sha256');
for (const input of inputs) walk(join(root, input), hash);
const stamp = hash.digest('hex');

const built = existsSync(join(root, '.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
if (!built) {
  console.log('slipway: building the web app (first start or sources changed)…');
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, stamp);
}
