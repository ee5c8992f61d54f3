import { execFileSync } from 'node:child_process';
import { pwshPath } from './windows-tools';

export interface ParsedPowerShell {
  /** The parser's errors, each with its line. */
  errors: string[];
  /** The value of every string literal, as the parser read it. */
  strings: string[];
}

/**
 * Reads the bytes on standard input (base64) as text: as UTF-8, or as Windows PowerShell 5.1 reads a .ps1 file (by its
 * byte order mark, else in the ANSI code page: windows-1252 here; 1250, Central European, reads the bytes of ł alike).
 * Then PowerShell's own parser reads the text.
 */
const PARSE = `
$bytes = [Convert]::FromBase64String([Console]::In.ReadToEnd())
$ansi = [System.Text.Encoding]::GetEncoding(1252)
$reader = New-Object System.IO.StreamReader((New-Object System.IO.MemoryStream(,$bytes)), $(if ($env:CDX_READ_AS -eq 'ansi') { $ansi } else { [System.Text.Encoding]::UTF8 }), $true)
$text = $reader.ReadToEnd()
$tokens = $null; $errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseInput($text, [ref]$tokens, [ref]$errors)
$strings = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.StringConstantExpressionAst] }, $true) | ForEach-Object { $_.Value })
ConvertTo-Json -Compress -InputObject @{ errors = @($errors | ForEach-Object { $_.Message + ' (line ' + $_.Extent.StartLineNumber + ')' }); strings = $strings }
`;

function parse(bytes: Buffer, readAs: 'utf8' | 'ansi'): ParsedPowerShell {
  const out = execFileSync(pwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', PARSE], {
    input: bytes.toString('base64'),
    encoding: 'utf8',
    env: { ...process.env, CDX_READ_AS: readAs },
  });
  const parsed = JSON.parse(out) as { errors: string[] | null; strings: string[] | null };
  return { errors: parsed.errors ?? [], strings: parsed.strings ?? [] };
}

/** PowerShell's own parser (pwsh's) on a script's text. */
export function parsePowerShell(text: string): ParsedPowerShell {
  return parse(Buffer.from(text, 'utf8'), 'utf8');
}

/** A .ps1 file's bytes as Windows PowerShell 5.1 reads and parses them. */
export function parseAsWindowsPowerShell(bytes: Buffer): ParsedPowerShell {
  return parse(bytes, 'ansi');
}
