; CDX Setup's part of electron-builder's NSIS installer (nsis.include in build/electron-builder.yml): the folder of
; the command-line wrappers (bin\cdx-setup.cmd and .ps1) goes on the machine PATH at install and comes off it at
; uninstall (electron-builder's uninstaller runs customUnInstall before it deletes the files). docs/packaging.md.
!include WinMessages.nsh

!macro cdxMachinePath ACTION
  Push $0
  nsExec::ExecToLog '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\machine-path.ps1" -Action ${ACTION} -Folder "$INSTDIR\bin"'
  Pop $0
  ${If} $0 != 0
    DetailPrint "The machine PATH could not be changed (${ACTION} $INSTDIR\bin): PowerShell ended with $0."
  ${EndIf}
  Pop $0
  ; Explorer and the consoles opened from now on read the new PATH.
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customInstall
  !insertmacro cdxMachinePath Add
!macroend

!macro customUnInstall
  !insertmacro cdxMachinePath Remove
!macroend
