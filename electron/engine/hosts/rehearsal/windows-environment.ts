/**
 * The environment variables a Windows Server sets for an elevated admin, as a simulated computer answers them
 * (`%SystemDrive%`, `%ProgramFiles%` … in settings expand against these).
 */
export function simulatedWindowsEnvironment(computerName: string, userDomain: string): Record<string, string> {
  return {
    SystemDrive: 'C:',
    SystemRoot: 'C:\\Windows',
    windir: 'C:\\Windows',
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    ProgramData: 'C:\\ProgramData',
    TEMP: 'C:\\Windows\\Temp',
    COMPUTERNAME: computerName,
    USERDOMAIN: userDomain,
  };
}
