/** Worker-thread entry: the gateway runs on its own event loop so pages and the admin API never delay inference. */
import { parentPort, workerData } from 'node:worker_threads';
import { Gateway } from './server';
import type { GatewayToHost, HostToGateway, GatewayWorkerData } from './messages';

const port = parentPort!;
const data = workerData as GatewayWorkerData;
const post = (msg: GatewayToHost) => port.postMessage(msg);

const gateway = new Gateway({
  ...data,
  onStats: (stats) => post(stats),
  onShadowSample: (sample) => post({ type: 'shadow-sample', sample }),
});

port.on('message', (msg: HostToGateway) => {
  if (msg.type === 'routes') {
    gateway.setRoutes(msg.table);
    post({ type: 'routes-applied', seq: msg.seq });
  }
  else if (msg.type === 'close') void gateway.close().then(() => post({ type: 'closed' }));
});

gateway.listen().then(
  (boundPort) => post({ type: 'listening', port: boundPort }),
  (err: Error) => post({ type: 'failed', message: err.message }),
);
