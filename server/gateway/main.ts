/**
 * The gateway process: `node --import tsx server/gateway/main.ts --port 8000 --grpc-port 8001 --control-socket …`.
 * Serves KServe v2 over HTTP on its port and over gRPC on its gRPC port, and listens for a control plane on a unix socket. It depends on
 * no control plane being alive: it routes by the last snapshot it received, and the figures it
 * cannot deliver are dropped and counted. SIGTERM/SIGINT or a `drain` message stop it gracefully
 * (exit 0). Exit codes: 2 bad arguments; 3 could not listen.
 */
import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { MAX_CONTROL_LINE_BYTES, type ControlToGateway, type GatewayIdentity, type GatewayToControl } from '../../protocol/dataplane';
import { NdjsonReader, ndjsonLine } from '../../protocol/ndjson';
import { listenGrpc, type GrpcListener } from '../../protocol/grpc/serve';
import { gatewayBackend } from './grpc/gateway-backend';
import { fromWire } from './routes-wire';
import { Gateway } from './server';

const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string' },
        'grpc-port': { type: 'string', default: '0' },
        'control-socket': { type: 'string' },
        'gateway-id': { type: 'string' },
        'max-body-bytes': { type: 'string', default: String(64 * 1024 * 1024) },
        'max-connections': { type: 'string', default: '10000' },
      },
      strict: true,
    });
    const port = Number(values.port);
    const grpcPort = Number(values['grpc-port']);
    const maxConnections = Number(values['max-connections']);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be an integer 0–65535');
    if (!Number.isInteger(grpcPort) || grpcPort < 0 || grpcPort > 65535) throw new Error('--grpc-port must be an integer 0–65535');
    if (!values['control-socket'] || !values['gateway-id']) throw new Error('--control-socket and --gateway-id are required');
    if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new Error('--max-connections must be a positive integer');
    return { host: values.host!, port, grpcPort, controlSocket: values['control-socket'], gatewayId: values['gateway-id'], maxBodyBytes: Number(values['max-body-bytes']), maxConnections };
  } catch (err) {
    process.stderr.write(`gateway: ${(err as Error).message}\n`);
    process.exit(2);
  }
}

const args = parse();
const startedAtMs = Date.now();
let link: Socket | undefined;
let droppedMessages = 0;
let routesVersion: number | null = null;
let draining: Promise<void> | undefined;

/** To the control plane if one is connected and keeping up; otherwise dropped and counted. */
function send(msg: GatewayToControl): void {
  if (!link || link.destroyed || link.writableLength > MAX_BUFFERED_BYTES) {
    droppedMessages++;
    return;
  }
  link.write(ndjsonLine(msg));
}

const gateway = new Gateway({
  host: args.host,
  port: args.port,
  maxBodyBytes: args.maxBodyBytes,
  statsIntervalMs: 1000,
  limits: { maxConnections: args.maxConnections },
  onStats: (stats) => send(stats as unknown as GatewayToControl),
  onShadowSample: (sample) => send({ type: 'shadow-sample', sample }),
  onDemand: (endpoint, held) => send({ type: 'demand', endpoint, held }),
});

function identity(port: number): GatewayIdentity {
  return { type: 'identity', gatewayId: args.gatewayId, pid: process.pid, host: args.host, port, grpcPort: grpc?.port ?? args.grpcPort, routesVersion, startedAtMs, droppedMessages, draining: draining !== undefined };
}

function drain(): Promise<void> {
  draining ??= Promise.all([gateway.drain(), grpc?.drain()]).then(() => {
    const { answered, cut, shed, refused } = gateway.guard;
    process.stderr.write(`${JSON.stringify({ level: 30, msg: 'drained', answered, cut, shed, refused })}\n`);
    send({ type: 'drained' });
    link?.end();
    control.close();
  });
  return draining;
}

function onControl(msg: ControlToGateway): void {
  if (msg.type === 'routes') {
    // Snapshots apply in order; one from an older control plane can never arrive after a newer one on the same link.
    gateway.setRoutes(fromWire(msg.snapshot));
    routesVersion = msg.snapshot.version;
    send({ type: 'routes-applied', version: msg.snapshot.version });
  } else if (msg.type === 'drain') {
    void drain().then(() => process.exit(0));
  }
}

const control = createServer((socket) => {
  // One control plane at a time: the newest connection (a restarted control plane) wins.
  link?.destroy();
  link = socket;
  socket.setNoDelay(true);
  const reader = new NdjsonReader((value) => onControl(value as ControlToGateway), MAX_CONTROL_LINE_BYTES, (reason) => process.stderr.write(`gateway: control channel sent ${reason}\n`));
  socket.on('data', (chunk) => reader.push(chunk));
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    if (link === socket) link = undefined;
  });
  socket.write(ndjsonLine(identity(boundPort)));
});

let boundPort = 0;
let grpc: GrpcListener | undefined;
try {
  boundPort = await gateway.listen();
  grpc = await listenGrpc(gatewayBackend(gateway), args.host, args.grpcPort, args.maxBodyBytes);
  if (existsSync(args.controlSocket) && lstatSync(args.controlSocket).isSocket()) unlinkSync(args.controlSocket);
  await new Promise<void>((resolve, reject) => {
    control.once('error', reject);
    control.listen(args.controlSocket, () => resolve());
  });
} catch (err) {
  process.stderr.write(`gateway: could not listen: ${(err as Error).message}\n`);
  process.exit(3);
}
process.stdout.write(`${JSON.stringify({ event: 'listening', port: boundPort, grpcPort: grpc.port, pid: process.pid })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void drain().then(() => process.exit(0)));
