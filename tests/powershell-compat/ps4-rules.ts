/**
 * What Windows PowerShell 4.0 (Windows Server 2012 R2 as shipped, on .NET Framework 4.5.1) lacks and pwsh 7 accepts:
 * each refused construct with the version that brought it and why it matters. `example` is a snippet the checker
 * must refuse for exactly this rule (ps4-checker.test.ts proves every one). The features come from
 * ast-features.ps1, which walks pwsh's own AST and binds each command's parameters with pwsh's StaticParameterBinder
 * (abbreviations expanded, positional arguments named).
 */
export interface Feature {
  kind: 'syntax' | 'command' | 'member' | 'variable' | 'type';
  line: number;
  text: string;
  name: string;
  /** Commands: the full name an alias stands for, else the name as written. */
  resolved?: string;
  alias?: boolean;
  /** Commands: the parameters bound, by their full names. */
  parameters?: string[];
  /** Members: `[Type]::Member` (static), a method call (invoked), on which type or variable. */
  static?: boolean;
  /** Members: of what Get-Command gives, `(Get-Command x).Member` or a variable set from a Get-Command pipeline. */
  commandInfo?: boolean;
  invoked?: boolean;
  target?: string | null;
  firstArgument?: string | null;
}

export interface Rule {
  id: string;
  /** The construct as a reader would search for it. */
  construct: string;
  /** The PowerShell (or .NET) version that brought it. */
  since: string;
  reason: string;
  example: string;
  matches(f: Feature): boolean;
}

const same = (a: string | null | undefined, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** The type itself, a type in its namespace, or a generic of it (System.Span`1[[…]]). */
function underType(name: string | null | undefined, prefix: string): boolean {
  if (typeof name !== 'string') return false;
  const n = name.toLowerCase();
  const p = prefix.toLowerCase();
  return n === p || ['.', '`', '['].some((c) => n.startsWith(p + c));
}

function syntax(name: string, construct: string, since: string, reason: string, example: string): Rule {
  return { id: `syntax:${name}`, construct, since, reason, example, matches: (f) => f.kind === 'syntax' && f.name === name };
}

function command(name: string, since: string, reason: string, example: string): Rule {
  return { id: `command:${name}`, construct: name, since, reason, example, matches: (f) => f.kind === 'command' && same(f.resolved, name) };
}

function parameter(cmd: string, param: string, since: string, reason: string, example: string): Rule {
  return {
    id: `parameter:${cmd} -${param}`,
    construct: `${cmd} -${param}`,
    since,
    reason,
    example,
    matches: (f) => f.kind === 'command' && same(f.resolved, cmd) && (f.parameters ?? []).some((p) => same(p, param)),
  };
}

function variable(name: string, since: string, reason: string): Rule {
  return { id: `variable:$${name}`, construct: `$${name}`, since, reason, example: `if ($${name}) { 1 }`, matches: (f) => f.kind === 'variable' && same(f.name, name) };
}

/** A type outside .NET Framework 4.5 (or a pwsh-only accelerator): Windows PowerShell cannot find it. */
function type(prefix: string, since: string, reason: string, example: string): Rule {
  return {
    id: `type:${prefix}`,
    construct: `[${prefix}…]`,
    since,
    reason,
    example,
    matches: (f) => (f.kind === 'type' && underType(f.name, prefix)) || (f.kind === 'member' && !!f.static && underType(f.target, prefix)),
  };
}

function staticMethod(typeName: string, member: string, since: string, reason: string): Rule {
  return {
    id: `static:[${typeName}]::${member}`,
    construct: `[${typeName}]::${member}()`,
    since,
    reason,
    example: `[${typeName}]::${member}('x')`,
    matches: (f) => f.kind === 'member' && !!f.static && same(f.target, typeName) && same(f.name, member),
  };
}

const NOT_IN_4 = 'Windows PowerShell 4.0 does not have it: the script fails with "is not recognized" or "A parameter cannot be found".';
const SILENT = 'Windows PowerShell 4.0 reads it as an unset variable ($null), so the script goes on with a wrong value instead of failing.';
const NET45 = 'It is not in .NET Framework 4.5, which Windows PowerShell 4.0 runs on (pwsh runs on a recent .NET).';

export const PS4_RULES: Rule[] = [
  // Language
  syntax('class', 'class definitions', '5.0', 'Classes came with PowerShell 5.0; 4.0 cannot parse the script at all.', 'class Pool { [string]$Name }'),
  syntax('enum', 'enum definitions', '5.0', 'Enums came with PowerShell 5.0; 4.0 cannot parse the script at all.', 'enum Kind { Site; Pool }'),
  syntax('using', 'using namespace / using module / using assembly', '5.0', 'using statements came with PowerShell 5.0; 4.0 cannot parse the script. Write full type names.', 'using namespace System.Text'),
  {
    id: 'static:[type]::new',
    construct: '[type]::new()',
    since: '5.0',
    reason: 'The static new() constructor came with PowerShell 5.0; on 4.0 it is "Method invocation failed … does not contain a method named new". Use New-Object.',
    example: '$b = [System.Text.StringBuilder]::new()',
    matches: (f) => f.kind === 'member' && !!f.static && !!f.invoked && same(f.name, 'new'),
  },
  syntax('ternary', 'the ternary operator a ? b : c', '7.0', 'A PowerShell 7 operator: 4.0 and 5.1 cannot parse it. Use if/else.', '$x = $ready ? 1 : 2'),
  syntax('pipeline-chain', 'pipeline chain operators && and ||', '7.0', 'PowerShell 7 operators: 4.0 and 5.1 cannot parse them. Use if ($?) or try/catch.', 'Get-Item C:\\ && Write-Output ok'),
  syntax('null-coalescing', 'the null-coalescing operator ??', '7.0', 'A PowerShell 7 operator: 4.0 and 5.1 cannot parse it. Use if ($null -eq $x).', '$x = $a ?? 3'),
  syntax('null-coalescing-assignment', 'the null-coalescing assignment ??=', '7.0', 'A PowerShell 7 operator: 4.0 and 5.1 cannot parse it.', '$x ??= 3'),
  syntax('null-conditional', 'null-conditional member access ?. and ?[]', '7.0', 'PowerShell 7 operators: 4.0 and 5.1 cannot parse them.', '${pool}?.name'),
  syntax('background-operator', 'the background operator & at the end of a pipeline', '6.0', 'PowerShell 6 syntax: 4.0 and 5.1 cannot parse it. Use Start-Job.', 'Get-Process &'),
  syntax('generic-method-call', 'generic method calls $x.Method[T]()', '7.3', 'PowerShell 7.3 syntax: 4.0 and 5.1 cannot parse it.', '[System.Linq.Enumerable]::Empty[int]()'),
  syntax('clean-block', 'the clean { } block', '7.3', 'PowerShell 7.3 syntax: 4.0 and 5.1 read clean as a command name.', 'function f { process { 1 } clean { 2 } }'),
  syntax('information-redirection', 'redirecting the information stream 6>', '5.0', 'The information stream came with PowerShell 5.0; 4.0 cannot parse 6>.', 'Write-Host hi 6> $null'),
  syntax('escape-u', 'the escape `u{…} in double-quoted strings', '6.0', 'Windows PowerShell reads `u as the letter u: the string holds "u{…}" instead of the character.', '$s = "`u{2713} done"'),
  syntax('escape-e', 'the escape `e (ESC) in double-quoted strings', '6.0', 'Windows PowerShell reads `e as the letter e: the string holds "e[0m" instead of an escape sequence.', '$s = "`e[0m"'),
  syntax('binary-literal', 'binary number literals 0b…', '7.0', 'Windows PowerShell reads 0b101 as a command name.', '$mask = 0b101'),
  syntax('numeric-suffix', 'number suffixes u, y, s, n (unsigned, byte, short, bigint)', '6.2', 'Windows PowerShell cannot parse these literals.', '$n = 5u'),
  {
    id: 'alias',
    construct: 'command aliases (gci, %, ?, ls, select …)',
    since: '—',
    reason: 'Aliases differ between Windows PowerShell and pwsh on Linux (ls, cat, sort, ps … are native tools there), so the parameters cannot be judged by the command they stand for on Windows: spell commands out.',
    example: 'gci C:\\ | % { $_.Name }',
    matches: (f) => f.kind === 'command' && !!f.alias,
  },
  {
    id: 'split-string-separator',
    construct: "'…'.Split('ab') with a separator of several characters",
    since: '.NET Core 2.0',
    reason: 'pwsh calls String.Split(string); .NET Framework has no such overload, so Windows PowerShell splits on each character: "a::b".Split("::") is a, (empty), b.',
    example: "'a::b'.Split('::')",
    matches: (f) => f.kind === 'member' && !!f.invoked && !f.static && same(f.name, 'Split') && typeof f.firstArgument === 'string' && f.firstArgument.length > 1,
  },

  // Members and variables
  {
    id: 'member:Source',
    construct: '.Source (CommandInfo.Source, of Get-Command)',
    since: '5.0',
    reason: 'CommandInfo.Source came with PowerShell 5.0: on 4.0 Get-Command\'s result has no Source, which reads as $null (a stock 2012 R2 then reports sqlcmd missing). Use .Path for an application, .Definition else. Judged where the object visibly comes from Get-Command (a variable set from it, or (Get-Command …).Source).',
    example: "$c = Get-Command -Name sqlcmd.exe | Select-Object -First 1; $c.Source; (Get-Command sqlcmd.exe).Source",
    matches: (f) => f.kind === 'member' && !f.static && !!f.commandInfo && same(f.name, 'Source'),
  },
  ...['PSEdition', 'OS', 'Platform', 'GitCommitId'].map((name): Rule => ({
    id: `member:$PSVersionTable.${name}`,
    construct: `$PSVersionTable.${name}`,
    since: name === 'PSEdition' ? '5.1' : '6.0',
    reason: SILENT,
    example: `if ($PSVersionTable.${name} -eq 'Core') { 1 }`,
    matches: (f) => f.kind === 'member' && same(f.target, '$PSVersionTable') && same(f.name, name),
  })),
  variable('IsWindows', '6.0', SILENT),
  variable('IsLinux', '6.0', SILENT),
  variable('IsMacOS', '6.0', SILENT),
  variable('IsCoreCLR', '6.0', SILENT),
  variable('PSStyle', '7.2', SILENT),
  variable('PSNativeCommandArgumentPassing', '7.3', SILENT),
  variable('PSNativeCommandUseErrorActionPreference', '7.3', SILENT),
  variable('EnabledExperimentalFeatures', '6.2', SILENT),

  // Commands that 4.0 does not have
  command('New-TemporaryFile', '5.0', NOT_IN_4, '$f = New-TemporaryFile'),
  command('New-Guid', '5.0', `${NOT_IN_4} Use [guid]::NewGuid().`, '$g = New-Guid'),
  command('Get-Clipboard', '5.0', NOT_IN_4, '$t = Get-Clipboard'),
  command('Set-Clipboard', '5.0', NOT_IN_4, "Set-Clipboard -Value 'x'"),
  command('Format-Hex', '5.0', NOT_IN_4, "Format-Hex -Path C:\\a.bin"),
  command('Get-ItemPropertyValue', '5.0', `${NOT_IN_4} Use (Get-ItemProperty …).Name.`, "Get-ItemPropertyValue -Path HKLM:\\SOFTWARE -Name x"),
  command('ConvertFrom-String', '5.0', NOT_IN_4, "'a b' | ConvertFrom-String"),
  command('ConvertFrom-SddlString', '5.0', NOT_IN_4, "ConvertFrom-SddlString -Sddl 'O:BA'"),
  command('Compress-Archive', '5.0', NOT_IN_4, 'Compress-Archive -Path C:\\a -DestinationPath C:\\a.zip'),
  command('Expand-Archive', '5.0', NOT_IN_4, 'Expand-Archive -Path C:\\a.zip -DestinationPath C:\\a'),
  command('Write-Information', '5.0', NOT_IN_4, "Write-Information -MessageData 'x'"),
  command('Import-PowerShellDataFile', '5.0', NOT_IN_4, 'Import-PowerShellDataFile -Path C:\\a.psd1'),
  command('Clear-RecycleBin', '5.0', NOT_IN_4, 'Clear-RecycleBin -Force'),
  command('Install-Module', '5.0', `${NOT_IN_4} (PowerShellGet came with 5.0.)`, 'Install-Module -Name Pester'),
  command('Get-ComputerInfo', '5.1', NOT_IN_4, '$i = Get-ComputerInfo'),
  command('Get-TimeZone', '5.1', NOT_IN_4, '$z = Get-TimeZone'),
  ...['Get-LocalUser', 'New-LocalUser', 'Get-LocalGroup', 'Get-LocalGroupMember', 'Add-LocalGroupMember'].map((name) =>
    command(name, '5.1', `${NOT_IN_4} (The LocalAccounts module came with 5.1; use [ADSI]'WinNT://…' or NTAccount.)`, `${name} -Name x`),
  ),
  command('Remove-Alias', '6.0', NOT_IN_4, 'Remove-Alias -Name x'),
  command('Get-Uptime', '6.0', NOT_IN_4, '$u = Get-Uptime'),
  command('Test-Json', '6.1', NOT_IN_4, "Test-Json -Json '{}'"),
  command('Join-String', '6.2', `${NOT_IN_4} Use -join.`, "'a', 'b' | Join-String -Separator ','"),
  command('Get-Error', '7.0', NOT_IN_4, 'Get-Error'),
  command('ConvertFrom-Markdown', '6.1', NOT_IN_4, 'ConvertFrom-Markdown -Path a.md'),
  command('Start-ThreadJob', '7.0 (built in)', NOT_IN_4, 'Start-ThreadJob -ScriptBlock { 1 }'),

  // Parameters that 4.0's commands do not have
  parameter('Get-ChildItem', 'Depth', '5.0', NOT_IN_4, 'Get-ChildItem -Path C:\\inetpub -Recurse -Depth 2'),
  parameter('Get-ChildItem', 'FollowSymlink', '6.0', NOT_IN_4, 'Get-ChildItem -Path C:\\ -Recurse -FollowSymlink'),
  parameter('Select-Object', 'SkipLast', '5.0', NOT_IN_4, '1, 2, 3 | Select-Object -SkipLast 1'),
  parameter('Out-File', 'NoNewline', '5.0', NOT_IN_4, "'x' | Out-File -FilePath C:\\a.txt -NoNewline"),
  parameter('Set-Content', 'NoNewline', '5.0', NOT_IN_4, "Set-Content -Path C:\\a.txt -Value 'x' -NoNewline"),
  parameter('Add-Content', 'NoNewline', '5.0', NOT_IN_4, "Add-Content -Path C:\\a.txt -Value 'x' -NoNewline"),
  parameter('Get-Content', 'AsByteStream', '6.0', `${NOT_IN_4} Use -Encoding Byte.`, 'Get-Content -Path C:\\a.bin -AsByteStream'),
  parameter('Set-Content', 'AsByteStream', '6.0', `${NOT_IN_4} Use -Encoding Byte.`, 'Set-Content -Path C:\\a.bin -Value $b -AsByteStream'),
  parameter('ConvertFrom-Json', 'AsHashtable', '6.0', NOT_IN_4, "'{}' | ConvertFrom-Json -AsHashtable"),
  parameter('ConvertFrom-Json', 'Depth', '6.2', NOT_IN_4, "'{}' | ConvertFrom-Json -Depth 5"),
  parameter('ConvertFrom-Json', 'NoEnumerate', '7.0', NOT_IN_4, "'[]' | ConvertFrom-Json -NoEnumerate"),
  parameter('ConvertTo-Json', 'AsArray', '6.2', `${NOT_IN_4} Use ConvertTo-Json -InputObject @(…).`, '1 | ConvertTo-Json -AsArray'),
  parameter('ConvertTo-Json', 'EnumsAsStrings', '6.2', `${NOT_IN_4} Cast the enum to [string] first.`, '$x | ConvertTo-Json -EnumsAsStrings'),
  parameter('ConvertTo-Json', 'EscapeHandling', '6.2', NOT_IN_4, '$x | ConvertTo-Json -EscapeHandling EscapeNonAscii'),
  parameter('ConvertFrom-SecureString', 'AsPlainText', '7.0', `${NOT_IN_4} (ConvertTo-SecureString -AsPlainText is fine: it is 2.0.)`, '$p = ConvertFrom-SecureString -SecureString $s -AsPlainText'),
  parameter('Join-Path', 'AdditionalChildPath', '6.0', 'Windows PowerShell\'s Join-Path takes one child: a third path is "A positional parameter cannot be found". Nest Join-Path calls.', "Join-Path 'C:\\inetpub' 'site' 'app'"),
  parameter('Split-Path', 'LeafBase', '6.0', NOT_IN_4, 'Split-Path -Path C:\\a.txt -LeafBase'),
  parameter('Split-Path', 'Extension', '6.0', NOT_IN_4, 'Split-Path -Path C:\\a.txt -Extension'),
  parameter('ForEach-Object', 'Parallel', '7.0', NOT_IN_4, '1, 2 | ForEach-Object -Parallel { $_ }'),
  parameter('ForEach-Object', 'ThrottleLimit', '7.0', NOT_IN_4, '1, 2 | ForEach-Object -Parallel { $_ } -ThrottleLimit 2'),
  parameter('Where-Object', 'Not', '6.1', NOT_IN_4, '$a | Where-Object -Not -Property Installed'),
  parameter('Sort-Object', 'Top', '6.1', NOT_IN_4, '1, 2 | Sort-Object -Top 1'),
  parameter('Sort-Object', 'Bottom', '6.1', NOT_IN_4, '1, 2 | Sort-Object -Bottom 1'),
  parameter('Sort-Object', 'Stable', '6.1', NOT_IN_4, '1, 2 | Sort-Object -Stable'),
  parameter('Select-String', 'Raw', '7.0', NOT_IN_4, "Select-String -Path C:\\a.txt -Pattern x -Raw"),
  parameter('Get-Random', 'Shuffle', '7.1', NOT_IN_4, '1, 2 | Get-Random -Shuffle'),
  parameter('Get-Date', 'AsUTC', '7.1', NOT_IN_4, 'Get-Date -AsUTC'),
  parameter('Get-Date', 'UnixTimeSeconds', '7.1', NOT_IN_4, 'Get-Date -UnixTimeSeconds 0'),
  parameter('Export-Csv', 'UseQuotes', '7.0', NOT_IN_4, '$a | Export-Csv -Path C:\\a.csv -UseQuotes AsNeeded'),
  parameter('Invoke-WebRequest', 'SkipCertificateCheck', '6.0', NOT_IN_4, 'Invoke-WebRequest -Uri https://x -SkipCertificateCheck'),
  parameter('Invoke-RestMethod', 'SkipCertificateCheck', '6.0', NOT_IN_4, 'Invoke-RestMethod -Uri https://x -SkipCertificateCheck'),
  parameter('Invoke-WebRequest', 'SslProtocol', '6.0', NOT_IN_4, 'Invoke-WebRequest -Uri https://x -SslProtocol Tls12'),
  parameter('Invoke-RestMethod', 'SslProtocol', '6.0', NOT_IN_4, 'Invoke-RestMethod -Uri https://x -SslProtocol Tls12'),
  parameter('Invoke-WebRequest', 'SkipHttpErrorCheck', '7.0', NOT_IN_4, 'Invoke-WebRequest -Uri https://x -SkipHttpErrorCheck'),
  parameter('Invoke-RestMethod', 'StatusCodeVariable', '7.0', NOT_IN_4, 'Invoke-RestMethod -Uri https://x -StatusCodeVariable code'),
  parameter('Test-Connection', 'TargetName', '6.0', `${NOT_IN_4} Use -ComputerName.`, 'Test-Connection -TargetName sql01'),
  parameter('Test-Connection', 'TcpPort', '6.0', `${NOT_IN_4} Use Test-NetConnection -Port (4.0).`, 'Test-Connection -TargetName sql01 -TcpPort 1433'),
  parameter('Start-Process', 'Environment', '7.4', NOT_IN_4, 'Start-Process -FilePath a.exe -Environment @{ A = 1 }'),
  parameter('Start-Job', 'WorkingDirectory', '7.0', NOT_IN_4, 'Start-Job -ScriptBlock { 1 } -WorkingDirectory C:\\'),
  parameter('Copy-Item', 'ToSession', '5.0', NOT_IN_4, 'Copy-Item -Path C:\\a -Destination C:\\b -ToSession $s'),
  parameter('Copy-Item', 'FromSession', '5.0', NOT_IN_4, 'Copy-Item -Path C:\\a -Destination C:\\b -FromSession $s'),
  parameter('Get-Command', 'UseFuzzyMatching', '7.0', NOT_IN_4, 'Get-Command -Name sqlcm -UseFuzzyMatching'),
  parameter('Invoke-Command', 'HostName', '6.0', NOT_IN_4, 'Invoke-Command -HostName sql01 -ScriptBlock { 1 }'),

  // .NET that .NET Framework 4.5 lacks
  type('System.Text.Json', '.NET Core 3.0', NET45, "[System.Text.Json.JsonSerializer]::Serialize(1)"),
  type('System.Management.Automation.SemanticVersion', '6.0', `${NET45} ([semver] is a pwsh accelerator.)`, "[semver]'1.0.0'"),
  type('System.Range', '.NET Core 3.0', NET45, '$r = [System.Range]::All'),
  type('System.HashCode', '.NET Core 2.1', NET45, '$h = [System.HashCode]::Combine(1, 2)'),
  type('System.Span', '.NET Core 2.1', NET45, '[System.Span[byte]]$s = $b'),
  staticMethod('System.IO.Path', 'GetRelativePath', '.NET Core 2.0', NET45),
  staticMethod('System.IO.Path', 'Join', '.NET Core 3.0', `${NET45} Use Join-Path or [System.IO.Path]::Combine.`),
  staticMethod('System.Convert', 'ToHexString', '.NET 5', NET45),
  staticMethod('System.Convert', 'FromHexString', '.NET 5', NET45),
  staticMethod('System.OperatingSystem', 'IsWindows', '.NET 5', NET45),
  staticMethod('System.Security.Cryptography.X509Certificates.X509Certificate2', 'CreateFromPem', '.NET 5', NET45),
  staticMethod('System.Security.Cryptography.X509Certificates.X509Certificate2', 'CreateFromPemFile', '.NET 5', NET45),
  staticMethod('System.Security.Cryptography.SHA256', 'HashData', '.NET 5', `${NET45} Use [System.Security.Cryptography.SHA256]::Create().ComputeHash().`),
  staticMethod('System.Security.Cryptography.RandomNumberGenerator', 'GetBytes', '.NET 6', `${NET45} Use New-Object …RNGCryptoServiceProvider and GetBytes on an array.`),
];

/** Constructs that look new but that Windows PowerShell 4.0 has: the checker must let them pass. */
export const PS4_ALLOWED: { construct: string; since: string; example: string }[] = [
  { construct: 'ConvertTo-SecureString -AsPlainText -Force', since: '2.0', example: "$s = ConvertTo-SecureString -String 'x' -AsPlainText -Force" },
  { construct: 'Get-Content -Raw', since: '3.0', example: '$t = Get-Content -LiteralPath C:\\a.txt -Raw' },
  { construct: 'Get-ChildItem -File / -Directory', since: '3.0', example: 'Get-ChildItem -Path C:\\ -File -Recurse' },
  { construct: 'ConvertFrom-Json, ConvertTo-Json -Depth -Compress', since: '3.0', example: "$o = '{}' | ConvertFrom-Json; ConvertTo-Json -InputObject $o -Depth 5 -Compress" },
  { construct: 'Get-CimInstance', since: '3.0', example: '$os = Get-CimInstance -ClassName Win32_OperatingSystem' },
  { construct: '[pscustomobject]@{} and [ordered]@{}', since: '3.0', example: '$o = [pscustomobject]@{ a = 1 }; $h = [ordered]@{ b = 2 }' },
  { construct: 'Where-Object / ForEach-Object simplified syntax, $PSItem', since: '3.0', example: '$a | Where-Object Installed -eq $true | ForEach-Object { $PSItem.Name }' },
  { construct: '-in / -notin', since: '3.0', example: "if ('a' -in @('a', 'b')) { 1 }" },
  { construct: 'New-Object -Property', since: '3.0', example: "$o = New-Object -TypeName PSObject -Property @{ a = 1 }" },
  { construct: 'Join-Path with one child', since: '1.0', example: "Join-Path -Path 'C:\\inetpub' -ChildPath 'site'" },
  { construct: 'Get-Credential -UserName -Message', since: '3.0', example: "$c = Get-Credential -UserName 'CONTOSO\\svc' -Message 'Password'" },
  { construct: 'String.Split with one character', since: '.NET 1.0', example: "$p = 'a:b'.Split(':')[1]" },
  { construct: 'Test-NetConnection -Port', since: '4.0 (2012 R2)', example: 'Test-NetConnection -ComputerName sql01 -Port 1433' },
  { construct: 'New-Object System.Text.StringBuilder', since: '1.0', example: '$b = New-Object System.Text.StringBuilder' },
  { construct: '$using: scope', since: '3.0', example: 'Invoke-Command -ComputerName x -ScriptBlock { $using:name }' },
  { construct: '.Source of an object that is not Get-Command\'s', since: '—', example: '$e = $Data.event; Write-EventLog -LogName Application -Source $e.source -EventId 1 -Message $e.message' },
];
