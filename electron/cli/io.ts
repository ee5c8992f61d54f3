/** What a command may touch of its process: tests give it buffers, the real CLI gives it the terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** A terminal is attached (progress bars, prompts); false in CI and pipes. */
  readonly interactive: boolean;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  /** Resolves when the user asks to stop (Ctrl+C), for long-running commands such as the console. */
  untilStopped(): Promise<void>;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY) && !process.env.CI,
    env: process.env,
    cwd: process.cwd(),
    untilStopped: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}
