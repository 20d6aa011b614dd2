/**
 * The runtime CLI: `npx tsx runtime/main.ts --model m.onnx --name demo --port 8001 …`.
 * Exit codes: 2 bad arguments; 3 the model could not be loaded (e.g. CUDA asked for but not
 * available: the reason is logged and `/v2/health/ready` answered 503 until exit); 0 after a
 * graceful drain on SIGTERM/SIGINT. Prints exactly one JSON `ready` line on stdout.
 */
import { parseCli } from './config';
import { createLogger } from './log';
import { startRuntime } from './start-runtime';

const parsed = parseCli(process.argv.slice(2), process.env);
if (!parsed.ok) {
  process.stderr.write(`runtime: ${parsed.message}\n`);
  process.exit(2);
}
const options = parsed.options;
const log = createLogger(`runtime:${options.name}`);

try {
  const runtime = await startRuntime(options, log);
  process.stdout.write(`${JSON.stringify({ event: 'ready', port: runtime.port, socket: runtime.socket, grpcPort: runtime.grpcPort, provider: runtime.provider })}\n`);
  log.info({ port: runtime.port, socket: runtime.socket, provider: runtime.provider }, 'ready');
  let draining = false;
  const drain = (signal: string) => {
    if (draining) return;
    draining = true;
    log.info({ signal }, 'draining');
    runtime.drain().then(
      () => process.exit(0),
      (err: Error) => {
        log.error({ err: err.message }, 'drain failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => drain('SIGTERM'));
  process.on('SIGINT', () => drain('SIGINT'));
  // No drain when the control plane goes away: the data plane keeps serving (static stability),
  // and the next control plane adopts this process. Only a signal drains it.
} catch (err) {
  log.error({ err: (err as Error).message }, 'runtime failed to start');
  process.exit(3);
}
