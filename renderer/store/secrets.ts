import { create } from 'zustand';

/**
 * Passwords live here, apart from the wizard store, so that nothing that saves, logs or sends the wizard's state
 * can take a secret with it. They leave only inside the requests that need them (install, a database test).
 */
export interface SecretsStore {
  appPoolPassword: string;
  /** The SQL Server authentication password (or the Windows account's, for NTLM) of the message database page. */
  sqlPassword: string;
  /** The password of the account a component's Windows service runs as (Async Client). */
  servicePassword: string;
  /** The password a component signs in to another with (Async Client to Async Server). */
  connectionPassword: string;
  setAppPoolPassword(value: string): void;
  setSqlPassword(value: string): void;
  setServicePassword(value: string): void;
  setConnectionPassword(value: string): void;
  clear(): void;
}

const EMPTY = { appPoolPassword: '', sqlPassword: '', servicePassword: '', connectionPassword: '' };

export const useSecrets = create<SecretsStore>()((set) => ({
  ...EMPTY,
  setAppPoolPassword: (appPoolPassword) => set({ appPoolPassword }),
  setSqlPassword: (sqlPassword) => set({ sqlPassword }),
  setServicePassword: (servicePassword) => set({ servicePassword }),
  setConnectionPassword: (connectionPassword) => set({ connectionPassword }),
  clear: () => set(EMPTY),
}));

/** Which of the component passwords have been entered (never their values), for the field rules. */
export interface SecretsProvided {
  appPoolPassword: boolean;
  servicePassword: boolean;
  connectionPassword: boolean;
}

export function secretsProvided(s: Pick<SecretsStore, 'appPoolPassword' | 'servicePassword' | 'connectionPassword'> = useSecrets.getState()): SecretsProvided {
  return { appPoolPassword: s.appPoolPassword !== '', servicePassword: s.servicePassword !== '', connectionPassword: s.connectionPassword !== '' };
}
