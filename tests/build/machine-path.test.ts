import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makensisPath, pwshPath } from '../support/windows-tools';

/**
 * The NSIS installer puts bin\ on the machine PATH and the uninstaller takes it off, through
 * resources\machine-path.ps1 (build/installer.nsh). Its editing runs here in real PowerShell; the registry it
 * reads and writes exists only on Windows.
 */
const SCRIPT = path.resolve('build/win/machine-path.ps1');

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(process.cwd(), 'build/electron-builder.yml', null);
});

type Case = [current: string, folder: string, action: 'Add' | 'Remove'];

/** Get-EditedPath, taken out of the production script by PowerShell's own parser and run as it is (one pwsh for all cases). */
function edited(cases: Case[]): string[] {
  const command = `
$ast = [System.Management.Automation.Language.Parser]::ParseFile('${SCRIPT}', [ref]$null, [ref]$null)
$fn = $ast.Find({ param($a) $a -is [System.Management.Automation.Language.FunctionDefinitionAst] -and $a.Name -eq 'Get-EditedPath' }, $true)
. ([scriptblock]::Create($fn.Extent.Text))
$out = @([Console]::In.ReadToEnd() | ConvertFrom-Json | ForEach-Object { [string](Get-EditedPath -Current $_[0] -Folder $_[1] -Action $_[2]) })
[Console]::Out.Write((ConvertTo-Json -InputObject $out -Compress))`;
  const result = spawnSync(pwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', command], { input: JSON.stringify(cases), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

const BIN = 'C:\\Program Files\\CDX Setup\\bin';
const SYSTEM = '%SystemRoot%\\system32;%SystemRoot%;%SystemRoot%\\System32\\Wbem;C:\\Program Files\\Microsoft SQL Server\\110\\Tools\\Binn\\';

// Each case starts pwsh (about a second, more on a loaded machine).
describe('machine-path.ps1', { timeout: 120_000 }, () => {
  it('parses in PowerShell without errors', () => {
    const result = spawnSync(pwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', `$e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile('${SCRIPT}', [ref]$null, [ref]$e); $e.Count`], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('0');
    // Unexpanded in, REG_EXPAND_SZ out: other programs' %SystemRoot% entries stay as they were.
    const text = readFileSync(SCRIPT, 'utf8').replace(/^#.*$/gm, '');
    expect(text).toContain('[Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames');
    expect(text).toContain('[Microsoft.Win32.RegistryValueKind]::ExpandString');
    expect(text).not.toMatch(/SetEnvironmentVariable|::new\(/);
  }, 60_000);

  it('adds the folder once at the end, keeping every other entry exactly as written; removes only the folder', () => {
    const cases: [Case, string][] = [
      [[SYSTEM, BIN, 'Add'], `${SYSTEM};${BIN}`],
      [[`${SYSTEM};`, BIN, 'Add'], `${SYSTEM};${BIN}`],
      [[`${SYSTEM};${BIN}`, BIN, 'Add'], `${SYSTEM};${BIN}`],
      // However it was written before (another case, a trailing backslash, quotes), it ends up once.
      [[`"c:\\program files\\cdx setup\\bin\\";${SYSTEM}`, BIN, 'Add'], `${SYSTEM};${BIN}`],
      [['', BIN, 'Add'], BIN],
      [[`${SYSTEM};${BIN}`, BIN, 'Remove'], SYSTEM],
      [[`C:\\Tools;;${BIN}\\;D:\\bin`, BIN, 'Remove'], 'C:\\Tools;;D:\\bin'],
      [[SYSTEM, BIN, 'Remove'], SYSTEM],
      [[`${SYSTEM};C:\\Program Files\\CDX Setup\\bin2`, BIN, 'Remove'], `${SYSTEM};C:\\Program Files\\CDX Setup\\bin2`],
    ];
    expect(edited(cases.map((c) => c[0]))).toEqual(cases.map((c) => c[1]));
  }, 60_000);
});

describe('the NSIS installer and uninstaller', () => {
  it('run machine-path.ps1 from resources\\ on bin\\, where the configuration puts them', () => {
    expect(config.nsis!.include).toBe('build/installer.nsh');
    expect(config.win!.extraFiles).toContainEqual({ from: 'build/win/bin', to: 'bin' });
    expect(config.win!.extraResources).toContainEqual({ from: 'build/win/machine-path.ps1', to: 'machine-path.ps1' });
    const nsh = readFileSync('build/installer.nsh', 'utf8');
    expect(nsh).toContain('-File "$INSTDIR\\resources\\machine-path.ps1" -Action ${ACTION} -Folder "$INSTDIR\\bin"');
    expect(nsh).toMatch(/!macro customInstall\s+!insertmacro cdxMachinePath Add\s+!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall\s+!insertmacro cdxMachinePath Remove\s+!macroend/);
    // The uninstaller calls customUnInstall before it deletes the files, so the script is still there.
    const uninstaller = readFileSync('node_modules/app-builder-lib/templates/nsis/uninstaller.nsh', 'utf8');
    expect(uninstaller.indexOf('!insertmacro customUnInstall')).toBeLessThan(uninstaller.indexOf('RMDir /r $INSTDIR'));
  });

  it('compile with makensis, warnings treated as errors', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-nsis-'));
    const harness = path.join(dir, 'harness.nsi');
    // The two sections electron-builder inserts the macros into, in an installer and its uninstaller.
    writeFileSync(
      harness,
      [
        'Unicode true',
        '!include LogicLib.nsh',
        '!include "installer.nsh"',
        'Name "CDX Setup"',
        `OutFile "${path.join(dir, 'cdx-harness.exe')}"`,
        'RequestExecutionLevel admin',
        'InstallDir "$PROGRAMFILES64\\CDX Setup"',
        'Section "Install"',
        '  !insertmacro customInstall',
        '  WriteUninstaller "$INSTDIR\\Uninstall CDX Setup.exe"',
        'SectionEnd',
        'Section "un.Uninstall"',
        '  !insertmacro customUnInstall',
        'SectionEnd',
      ].join('\n'),
    );
    const result = spawnSync(makensisPath(), ['-V2', '-WX', `-X!addincludedir ${path.resolve('build')}`, harness], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});
