import { create } from 'zustand';

/**
 * Passwords live here, apart from the wizard store, so that nothing that saves, logs or sends the wizard's state
 * can take a secret with it. They leave only inside the install request.
 */
export interface SecretsStore {
  appPoolPassword: string;
  setAppPoolPassword(value: string): void;
  clear(): void;
}

export const useSecrets = create<SecretsStore>()((set) => ({
  appPoolPassword: '',
  setAppPoolPassword: (appPoolPassword) => set({ appPoolPassword }),
  clear: () => set({ appPoolPassword: '' }),
}));
