/** The control plane's structured logger (pino, JSON lines on stdout). */
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

export function createLogger(level: LogLevel): Logger {
  return pino({ name: 'slipway', level, base: { pid: process.pid } });
}
