import type { CliIo } from '../../electron/cli/io';

/** A CliIo with buffers, for commands run in-process. */
export function cliIo(env: Record<string, string> = {}, extra: Partial<Pick<CliIo, 'interactive' | 'readSecret'>> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    interactive: false,
    env,
    cwd: process.cwd(),
    untilStopped: () => new Promise(() => {}),
    ...extra,
  };
  return { io, out, err };
}
