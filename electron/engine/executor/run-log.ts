import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warning' | 'error';
export type LogListener = (entry: { time: string; level: LogLevel; message: string }) => void;

export const MASK = '********';

/**
 * The verbose log of a run (in the spirit of MSI's /l*v): every line timestamped, every operation with its inputs and
 * outcome. Any secret of the run is masked, whatever line it would have reached.
 */
export class RunLog {
  readonly file: string;
  private fd: number | null;

  constructor(
    supportDir: string,
    runId: string,
    private readonly secrets: string[],
    private readonly listener?: LogListener,
  ) {
    const dir = path.join(supportDir, 'logs');
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, `cdx-setup-${runId}.log`);
    this.fd = openSync(this.file, 'a');
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  mask(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (secret) out = out.split(secret).join(MASK);
    return out;
  }

  write(level: LogLevel, message: string): void {
    const time = new Date().toISOString();
    const safe = this.mask(message);
    if (this.fd !== null) writeSync(this.fd, `${time} [${level.toUpperCase().padEnd(7)}] ${safe}\n`);
    this.listener?.({ time, level, message: safe });
  }
}
