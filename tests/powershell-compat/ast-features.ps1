# Reads [{ name, text }] as JSON on standard input, parses each text with PowerShell's own parser and prints, as JSON,
# what each uses that a Windows PowerShell version might lack: syntax, commands with their bound parameters, members,
# variables and types. Judging is left to ps4-rules.ts, so that every refusal and its reason live in one table.
$ErrorActionPreference = 'Stop'

# Aliases that Windows PowerShell has and pwsh on Linux or macOS does not (there they name the native tools).
$windowsOnlyAliases = @{
  ac = 'Add-Content'; cat = 'Get-Content'; clear = 'Clear-Host'; compare = 'Compare-Object'; cp = 'Copy-Item'; cpp = 'Copy-ItemProperty'
  diff = 'Compare-Object'; kill = 'Stop-Process'; ls = 'Get-ChildItem'; man = 'help'; mount = 'New-PSDrive'; mv = 'Move-Item'
  ps = 'Get-Process'; rm = 'Remove-Item'; rmdir = 'Remove-Item'; sleep = 'Start-Sleep'; sort = 'Sort-Object'; start = 'Start-Process'
  tee = 'Tee-Object'; write = 'Write-Output'
}

function Feature($kind, $ast, $extra) {
  $f = [ordered]@{ kind = $kind; line = $ast.Extent.StartLineNumber; text = $ast.Extent.Text.Split("`n")[0].Trim() }
  foreach ($k in $extra.Keys) { $f[$k] = $extra[$k] }
  [pscustomobject]$f
}

function Syntax($ast, $name) { Feature 'syntax' $ast @{ name = $name } }

function CommandFeature($c) {
  $written = $c.GetCommandName()
  if (-not $written) { return }
  $resolved = $written
  $alias = $false
  if ($windowsOnlyAliases.ContainsKey($written)) { $resolved = $windowsOnlyAliases[$written]; $alias = $true }
  else {
    $a = Get-Alias -Name $written -ErrorAction SilentlyContinue
    if ($a) { $resolved = $a.Definition; $alias = $true }
  }
  # The binder knows the parameters of the commands pwsh has: it expands abbreviations and binds positional arguments
  # (a third child of Join-Path is AdditionalChildPath). For the others it reports the names as written.
  try {
    $bound = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($c, $true)
    $parameters = @($bound.BoundParameters.Keys) + @($bound.BindingExceptions.Keys)
  } catch {
    $parameters = @($c.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] } | ForEach-Object { $_.ParameterName })
  }
  Feature 'command' $c @{ name = $written; resolved = $resolved; alias = $alias; parameters = $parameters }
}

function TypeName($typeName) {
  $t = $typeName.GetReflectionType()
  if ($t) { return $t.FullName }
  return $typeName.FullName
}

# Whether a pipeline starts with Get-Command: what it gives are CommandInfo objects (ApplicationInfo for an .exe).
function FromGetCommand($pipeline) {
  if ($pipeline -isnot [System.Management.Automation.Language.PipelineAst]) { return $false }
  $first = $pipeline.PipelineElements[0]
  $first -is [System.Management.Automation.Language.CommandAst] -and @('Get-Command', 'gcm') -contains $first.GetCommandName()
}

function Features($ast, $tokens) {
  # The variables a script sets from Get-Command, so that their members can be judged as CommandInfo's.
  $commandInfoVariables = @($ast.FindAll({ param($x) $x -is [System.Management.Automation.Language.AssignmentStatementAst] }, $true) |
    Where-Object { $_.Left -is [System.Management.Automation.Language.VariableExpressionAst] -and (FromGetCommand $_.Right) } |
    ForEach-Object { $_.Left.VariablePath.UserPath.ToLowerInvariant() })
  foreach ($n in $ast.FindAll({ $true }, $true)) {
    switch ($n.GetType().Name) {
      'TypeDefinitionAst' { if ($n.IsEnum) { Syntax $n 'enum' } else { Syntax $n 'class' } }
      'UsingStatementAst' { Syntax $n 'using' }
      'TernaryExpressionAst' { Syntax $n 'ternary' }
      'PipelineChainAst' { Syntax $n 'pipeline-chain' }
      'PipelineAst' { if ($n.Background) { Syntax $n 'background-operator' } }
      'BinaryExpressionAst' { if ($n.Operator -eq 'QuestionQuestion') { Syntax $n 'null-coalescing' } }
      'AssignmentStatementAst' { if ($n.Operator -eq 'QuestionQuestionEquals') { Syntax $n 'null-coalescing-assignment' } }
      'ScriptBlockAst' { if ($n.CleanBlock) { Syntax $n.CleanBlock 'clean-block' } }
      'FileRedirectionAst' { if ([string]$n.FromStream -eq 'Information') { Syntax $n 'information-redirection' } }
      'MergingRedirectionAst' { if ([string]$n.FromStream -eq 'Information') { Syntax $n 'information-redirection' } }
      'CommandAst' { CommandFeature $n }
      'VariableExpressionAst' { Feature 'variable' $n @{ name = $n.VariablePath.UserPath } }
      'TypeExpressionAst' { Feature 'type' $n @{ name = (TypeName $n.TypeName) } }
      'TypeConstraintAst' { Feature 'type' $n @{ name = (TypeName $n.TypeName) } }
      'AttributeAst' { Feature 'type' $n @{ name = (TypeName $n.TypeName) } }
      { $_ -eq 'MemberExpressionAst' -or $_ -eq 'InvokeMemberExpressionAst' } {
        if ($n.NullConditional) { Syntax $n 'null-conditional' }
        $invoked = $n -is [System.Management.Automation.Language.InvokeMemberExpressionAst]
        if ($invoked -and $n.GenericTypeArguments) { Syntax $n 'generic-method-call' }
        $member = if ($n.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $n.Member.Value } else { $null }
        $target = $null
        if ($n.Expression -is [System.Management.Automation.Language.TypeExpressionAst]) { $target = TypeName $n.Expression.TypeName }
        elseif ($n.Expression -is [System.Management.Automation.Language.VariableExpressionAst]) { $target = '$' + $n.Expression.VariablePath.UserPath }
        $firstArgument = $null
        if ($invoked -and $n.Arguments -and $n.Arguments[0] -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $firstArgument = $n.Arguments[0].Value }
        $commandInfo = ($n.Expression -is [System.Management.Automation.Language.VariableExpressionAst] -and $commandInfoVariables -contains $n.Expression.VariablePath.UserPath.ToLowerInvariant()) -or
          ($n.Expression -is [System.Management.Automation.Language.ParenExpressionAst] -and (FromGetCommand $n.Expression.Pipeline))
        if ($member) { Feature 'member' $n @{ name = $member; static = $n.Static; invoked = $invoked; target = $target; firstArgument = $firstArgument; commandInfo = [bool]$commandInfo } }
      }
      'IndexExpressionAst' { if ($n.NullConditional) { Syntax $n 'null-conditional' } }
    }
  }
  foreach ($t in $tokens) {
    if ($t.Kind -eq 'StringExpandable' -or $t.Kind -eq 'HereStringExpandable') {
      # `u{…} and `e are escapes of PowerShell 6; Windows PowerShell reads them as the letters u and e.
      if ($t.Text -match '(?<!`)(``)*`u\{') { [pscustomobject]@{ kind = 'syntax'; name = 'escape-u'; line = $t.Extent.StartLineNumber; text = $t.Text } }
      if ($t.Text -cmatch '(?<!`)(``)*`e') { [pscustomobject]@{ kind = 'syntax'; name = 'escape-e'; line = $t.Extent.StartLineNumber; text = $t.Text } }
    }
    if ($t.Kind -eq 'Number') {
      if ($t.Text -match '^0b') { [pscustomobject]@{ kind = 'syntax'; name = 'binary-literal'; line = $t.Extent.StartLineNumber; text = $t.Text } }
      elseif ($t.Text -match '^(0x[0-9a-f]+|[0-9.]+(e[+-]?[0-9]+)?)(u|y|uy|s|us|n|ul|ul)(kb|mb|gb|tb|pb)?$') { [pscustomobject]@{ kind = 'syntax'; name = 'numeric-suffix'; line = $t.Extent.StartLineNumber; text = $t.Text } }
    }
  }
}

$inputs = [Console]::In.ReadToEnd() | ConvertFrom-Json
$answer = @(foreach ($script in $inputs) {
  $tokens = $null
  $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput([string]$script.text, [ref]$tokens, [ref]$errors)
  [pscustomobject]@{
    name = $script.name
    errors = @($errors | ForEach-Object { [pscustomobject]@{ line = $_.Extent.StartLineNumber; message = $_.Message } })
    features = @(Features $ast $tokens)
  }
})
ConvertTo-Json -InputObject $answer -Depth 6 -Compress
