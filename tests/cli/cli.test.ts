import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import type { CliIo } from '../../electron/cli/io';

export function bufferIo(env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    interactive: false,
    env,
    cwd: process.cwd(),
    untilStopped: () => Promise.resolve(),
  };
  return { io, out: () => out, err: () => err };
}

describe('cdx-setup', () => {
  it('lists its commands and the exit codes', async () => {
    const b = bufferIo();
    expect(await runCli(['help'], b.io)).toBe(0);
    expect(b.out()).toContain('console');
    expect(b.out()).toContain('Exit codes: 0 ok, 1 failed, 2 bad input, 3 prerequisites not met.');
  });

  it('exits 2 on an unknown command or option, suggesting the right one', async () => {
    const a = bufferIo();
    expect(await runCli(['instal'], a.io)).toBe(2);
    expect(a.err()).toContain('"instal" is not a cdx-setup command');
    const b = bufferIo();
    expect(await runCli(['console', '--prot', '8080'], b.io)).toBe(2);
    expect(b.err()).toContain('Unknown option --prot. Did you mean --port?');
  });

  it('never takes a password argument', async () => {
    const b = bufferIo();
    expect(await runCli(['console', '--password', 'Canary-Pa55word!'], b.io)).toBe(2);
    expect(b.err()).toContain('a password on a command line is visible');
    expect(b.err()).not.toContain('Canary');
  });

  it('refuses to serve the console beyond loopback without TLS', async () => {
    const b = bufferIo();
    expect(await runCli(['console', '--rehearsal', '--listen', '0.0.0.0'], b.io)).toBe(2);
    expect(b.err()).toContain('--tls-cert FILE and --tls-key FILE');
  });

  it('names a rehearsal scenario file that does not exist', async () => {
    const b = bufferIo({ CDX_SETUP_RENDERER: process.cwd() });
    expect(await runCli(['console', '--rehearsal', '/nonexistent/scenario.json'], b.io)).toBe(2);
    expect(b.err()).toContain('/nonexistent/scenario.json cannot be read: ENOENT');
  });
});
