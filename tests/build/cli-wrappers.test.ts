import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pwshPath } from '../support/windows-tools';

/**
 * The command line of the installed product: bin\cdx-setup.cmd and bin\cdx-setup.ps1 beside cdx-setup.exe start the
 * CLI bundle inside app.asar with the app's own Node. The .cmd is read as cmd.exe reads it (no cmd.exe here); the
 * .ps1 runs in real PowerShell against a fake cdx-setup.exe that reports what it was given.
 */
const CMD = 'build/win/bin/cdx-setup.cmd';
const PS1 = 'build/win/bin/cdx-setup.ps1';

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(process.cwd(), 'build/electron-builder.yml', null);
});

/** The .cmd's statements, as cmd.exe sees them: CRLF lines, @echo off, rem comments left out. */
function cmdStatements(): string[] {
  return readFileSync(CMD, 'latin1')
    .split('\r\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^rem\b/i.test(l));
}

describe('bin\\cdx-setup.cmd', () => {
  it('is a CRLF batch file that keeps its variables to itself and sets ELECTRON_RUN_AS_NODE before the run', () => {
    const bytes = readFileSync(CMD, 'latin1');
    expect(bytes.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = cmdStatements();
    expect(lines[0]).toBe('@echo off');
    expect(lines[1]).toBe('setlocal');
    const run = lines.findIndex((l) => l.includes('%*'));
    expect(lines.indexOf('set ELECTRON_RUN_AS_NODE=1')).toBeGreaterThan(1);
    expect(lines.indexOf('set ELECTRON_RUN_AS_NODE=1')).toBeLessThan(run);
    // A user's ELECTRON_NO_ATTACH_CONSOLE would swallow the output; ELECTRON_NO_ASAR would hide the bundle.
    expect(lines).toContain('set ELECTRON_NO_ATTACH_CONSOLE=');
    expect(lines).toContain('set ELECTRON_NO_ASAR=');
    expect(lines[run + 1]).toBe('exit /b %ERRORLEVEL%');
    expect(lines.length).toBe(run + 2);
  });

  it('starts the packaged executable on the packaged CLI bundle with every argument (%*), unchanged', () => {
    const run = cmdStatements().find((l) => l.includes('%*'))!;
    const [, exe, script, rest] = /^"([^"]+)" "([^"]+)" (.*)$/.exec(run)!;
    expect(rest).toBe('%*');
    // %~dp0 is the folder of the .cmd with a trailing backslash: bin\ beside the executable.
    expect(exe).toBe(`%~dp0..\\${config.executableName}.exe`);
    expect(script.startsWith('%~dp0..\\resources\\app.asar\\')).toBe(true);
    const inApp = script.slice('%~dp0..\\resources\\app.asar\\'.length).split('\\').join('/');
    expect(config.asar).toBe(true);
    expect(inApp).toBe('dist/cli.cjs');
    expect(readFileSync('scripts/build-engine.mjs', 'utf8')).toContain(`outfile: '${inApp}', format: 'cjs'`);
    const files = (config.files as (string | { filter?: string[] })[]).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(files).toContain('dist/**');
    expect(existsSync(inApp), 'npm run build makes the bundle').toBe(true);
  });

  it('refuses, with the reason and exit code 2, to start from a prompt without administrator rights', () => {
    const lines = cmdStatements();
    const check = lines.findIndex((l) => l.startsWith('"%SystemRoot%\\System32\\fltmc.exe" >nul 2>&1 || ('));
    expect(check).toBeGreaterThan(1);
    expect(check).toBeLessThan(lines.findIndex((l) => l.includes('%*')));
    expect(lines[check + 1]).toMatch(/^echo .*Run as administrator\. 1>&2$/);
    expect(lines[check + 2]).toBe('exit /b 2');
    expect(lines[check + 3]).toBe(')');
  });
});

describe('bin\\cdx-setup.ps1 in real PowerShell', () => {
  /** An installed layout with a fake cdx-setup.exe that prints its arguments and environment, and exits with $FAKE_EXIT. */
  function installed() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cdx-installed-'));
    mkdirSync(path.join(root, 'bin'));
    copyFileSync(PS1, path.join(root, 'bin', 'cdx-setup.ps1'));
    const exe = path.join(root, 'cdx-setup.exe');
    writeFileSync(
      exe,
      `#!${process.execPath}\nconsole.log(JSON.stringify({ argv: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null, noAttach: process.env.ELECTRON_NO_ATTACH_CONSOLE ?? null, noAsar: process.env.ELECTRON_NO_ASAR ?? null }));\nprocess.exit(Number(process.env.FAKE_EXIT ?? 0));\n`,
    );
    chmodSync(exe, 0o755);
    return root;
  }

  function pwsh(command: string, env: Record<string, string> = {}) {
    const result = spawnSync(pwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', command], { encoding: 'utf8', env: { ...process.env, ...env } });
    return { status: result.status, lines: result.stdout.trim().split(/\r?\n/), stderr: result.stderr };
  }

  it('passes every argument through as typed (spaces, quotes, &, ^, %) and the exit code back', () => {
    const root = installed();
    const wrapper = path.join(root, 'bin', 'cdx-setup.ps1');
    const run = pwsh(`& '${wrapper}' validate --settings 'C:\\Setup files\\ss-settings.xml' --json 'a&b^c%PATH%'; exit $LASTEXITCODE`, {
      FAKE_EXIT: '3',
      ELECTRON_NO_ATTACH_CONSOLE: '1',
      ELECTRON_NO_ASAR: '1',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
    const seen = JSON.parse(run.lines[0]);
    expect(seen).toEqual({
      argv: [path.join(root, 'resources', 'app.asar', 'dist', 'cli.cjs'), 'validate', '--settings', 'C:\\Setup files\\ss-settings.xml', '--json', 'a&b^c%PATH%'],
      runAsNode: '1',
      noAttach: null,
      noAsar: null,
    });
  }, 60_000);

  it('leaves the caller\'s PowerShell session as it was, and reports 0 and 1 as they come', () => {
    const root = installed();
    const wrapper = path.join(root, 'bin', 'cdx-setup.ps1');
    const ok = pwsh(`& '${wrapper}' instances | Out-Null; "code=$LASTEXITCODE"; "runAsNode=[$env:ELECTRON_RUN_AS_NODE]"; "noAsar=[$env:ELECTRON_NO_ASAR]"`, { ELECTRON_NO_ASAR: 'mine' });
    expect(ok.lines).toEqual(['code=0', 'runAsNode=[]', 'noAsar=[mine]']);
    const failed = pwsh(`& '${wrapper}' deploy --settings x.xml | Out-Null; "code=$LASTEXITCODE"`, { FAKE_EXIT: '1' });
    expect(failed.lines).toEqual(['code=1']);
  }, 60_000);

  it('runs the same executable on the same bundle as the .cmd', () => {
    const run = cmdStatements().find((l) => l.includes('%*'))!;
    const [, exe, script] = /^"([^"]+)" "([^"]+)"/.exec(run)!;
    const root = installed();
    const seen = JSON.parse(pwsh(`& '${path.join(root, 'bin', 'cdx-setup.ps1')}'`).lines[0]);
    const fromCmd = (p: string) => path.join(root, 'bin', ...p.replace('%~dp0', '').split('\\'));
    expect(seen.argv[0]).toBe(fromCmd(script));
    expect(existsSync(fromCmd(exe))).toBe(true);
  }, 60_000);
});

describe('Electron\'s fuses', () => {
  it('keep ELECTRON_RUN_AS_NODE, which the wrappers need, and turn off NODE_OPTIONS and --inspect', () => {
    expect(config.electronFuses).toEqual({ runAsNode: true, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false });
  });
});
