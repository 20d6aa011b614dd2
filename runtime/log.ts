/** The runtime's logger: pino to stderr, since stdout carries only the one `ready` line. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(name: string): Logger {
  return pino({ name, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}
