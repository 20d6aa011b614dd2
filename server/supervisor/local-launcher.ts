/** Launches runtimes as local child processes (`runtime/main.ts` under tsx), each on its own unix socket. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { RuntimeStats } from '../../protocol/stats';
import type { LaunchHooks, LaunchSpec, Launcher, RuntimeExit, RuntimeHandle } from './launcher';

const TAIL_LINES = 20;

export class LocalLauncher implements Launcher {
  private readonly runtimeMain: string;

  constructor(projectRoot: string) {
    this.runtimeMain = join(projectRoot, 'runtime', 'main.ts');
  }

  launch(spec: LaunchSpec, hooks: LaunchHooks): RuntimeHandle {
    const args = ['--import', 'tsx', this.runtimeMain, '--model', spec.modelPath, '--name', spec.endpoint, '--model-version', String(spec.version), '--socket', spec.socketPath, '--config-json', JSON.stringify(spec.config)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, NODE_ENV: 'production' } });
    const tail: string[] = [];
    const remember = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line.slice(0, 500));
      tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
    };
    child.stderr!.on('data', remember);

    const exited = new Promise<RuntimeExit>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, lastOutput: tail.join('\n') }));
      child.once('error', (err) => {
        tail.push(err.message);
        resolve({ code: null, signal: null, lastOutput: tail.join('\n') });
      });
    });

    const ready = new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (line.includes('"event":"ready"')) resolve();
          else if (line.trim()) remember(Buffer.from(line));
        }
      });
      void exited.then((exit) => reject(new Error(describeExit(exit))));
    });
    ready.catch(() => undefined);

    child.on('message', (msg) => {
      const parsed = RuntimeStats.safeParse(msg);
      if (parsed.success) hooks.onStats(parsed.data);
    });

    return {
      pid: child.pid,
      ready,
      exited,
      stop: async (graceMs) => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          const exit = await exited;
          clearTimeout(timer);
          return exit;
        }
        return exited;
      },
      kill: () => {
        child.kill('SIGKILL');
      },
    };
  }
}

export function describeExit(exit: RuntimeExit): string {
  const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
  const last = exit.lastOutput.split('\n').filter(Boolean).slice(-3).join(' | ');
  return last ? `runtime ${how}: ${last}` : `runtime ${how}`;
}
