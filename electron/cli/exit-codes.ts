/** DESIGN section 3: what scripts (SCCM, Ansible, PowerShell remoting) branch on. */
export const EXIT = {
  ok: 0,
  failed: 1,
  badInput: 2,
  prerequisitesNotMet: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
