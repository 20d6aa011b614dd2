/**
 * Newline-delimited JSON framing for the data plane's control channels. A line longer than
 * `maxLineBytes` or one that is not JSON is reported and skipped: a peer can never make the
 * reader buffer without bound or throw.
 */
export class NdjsonReader {
  private buffered = '';

  constructor(
    private readonly onMessage: (value: unknown) => void,
    private readonly maxLineBytes: number,
    private readonly onBadLine: (reason: string) => void = () => undefined,
  ) {}

  push(chunk: Buffer | string): void {
    this.buffered += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let nl: number;
    while ((nl = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, nl);
      this.buffered = this.buffered.slice(nl + 1);
      if (line.trim()) this.parse(line);
    }
    if (this.buffered.length > this.maxLineBytes) {
      this.buffered = '';
      this.onBadLine(`a line longer than ${this.maxLineBytes} bytes`);
    }
  }

  private parse(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.onBadLine('a line that is not JSON');
      return;
    }
    this.onMessage(value);
  }
}

export function ndjsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
