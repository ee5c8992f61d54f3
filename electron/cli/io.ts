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
  /** Asks for a password on the terminal without echoing it; absent where there is no terminal. */
  readSecret?(question: string): Promise<string>;
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
    readSecret: readHidden,
  };
}

function readHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Cancelled at the password prompt.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
