import { create } from 'zustand';

/**
 * Passwords live here, apart from the wizard store, so that nothing that saves, logs or sends the wizard's state
 * can take a secret with it. They leave only inside the install request.
 */
export interface SecretsStore {
  appPoolPassword: string;
  /** The SQL Server authentication password (or the Windows account's, for NTLM) of the message database page. */
  sqlPassword: string;
  setAppPoolPassword(value: string): void;
  setSqlPassword(value: string): void;
  clear(): void;
}

export const useSecrets = create<SecretsStore>()((set) => ({
  appPoolPassword: '',
  sqlPassword: '',
  setAppPoolPassword: (appPoolPassword) => set({ appPoolPassword }),
  setSqlPassword: (sqlPassword) => set({ sqlPassword }),
  clear: () => set({ appPoolPassword: '', sqlPassword: '' }),
}));
