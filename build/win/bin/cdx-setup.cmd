@echo off
rem cdx-setup on a command prompt: the installed app's CLI run by the app's own Node (ELECTRON_RUN_AS_NODE), as
rem VS Code's code.cmd does, because a GUI-subsystem cdx-setup.exe started directly prints nothing to the console.
rem setlocal keeps the variables below out of the caller's environment. docs/packaging.md says why.
setlocal
rem cdx-setup.exe asks for administrator rights (requireAdministrator): from a prompt that is not elevated Windows
rem would open a UAC prompt and a new console window that closes with the output. Say so instead (fltmc needs admin).
"%SystemRoot%\System32\fltmc.exe" >nul 2>&1 || (
  echo cdx-setup changes IIS, certificates, the firewall and SQL Server: run it from a command prompt opened with Run as administrator. 1>&2
  exit /b 2
)
set ELECTRON_RUN_AS_NODE=1
set ELECTRON_NO_ATTACH_CONSOLE=
set ELECTRON_NO_ASAR=
"%~dp0..\cdx-setup.exe" "%~dp0..\resources\app.asar\dist\cli.cjs" %*
exit /b %ERRORLEVEL%
