import { create } from 'zustand';
import type { ComponentId } from '../../shared/components/ids';
import type { SetupChoices } from '../../shared/contract/schemas';
import { initialInstallState, type InstallSlice } from './install-slice';
import { initialNavigationState, type NavigationSlice } from './navigation-slice';
import { initialSessionState, type SessionSlice } from './session-slice';
import { initialSetupState, type SetupSlice } from './setup-slice';

export interface WizardActions {
  /** A parameter of any component, by its name. */
  setSetting(name: string, value: string): void;
  setChoices(patch: Partial<SetupChoices>): void;
  setComponentConfigure(id: ComponentId, configure: boolean): void;
  setDatabaseChoice(patch: Partial<SetupChoices['database']>): void;
  touch(field: string): void;
  setSupportFilesLocation(location: string): void;
  setModifiedInstance(name: string): void;
  goTo(pageId: string): void;
  goBack(): void;
  setAttemptedNext(value: boolean): void;
  setBusy(busy: boolean): void;
  setPageError(message: string | null): void;
  requestCancel(open: boolean): void;
  markCancelled(): void;
  setInstall(patch: Partial<InstallSlice>): void;
}

export type WizardStore = SessionSlice & SetupSlice & NavigationSlice & InstallSlice & { actions: WizardActions };

const initialState = () => ({ ...initialSessionState(), ...initialSetupState(), ...initialNavigationState(), ...initialInstallState() });

/** One store built from slices; actions at the root; components select one value each. */
export const useWizard = create<WizardStore>()((set) => ({
  ...initialState(),
  actions: {
    setSetting: (name, value) => set((s) => ({ settings: { ...s.settings, [name]: value } })),
    setChoices: (patch) => set((s) => ({ choices: { ...s.choices, ...patch } })),
    setComponentConfigure: (id, configure) => set((s) => ({ configureByComponent: { ...s.configureByComponent, [id]: configure } })),
    setDatabaseChoice: (patch) => set((s) => ({ choices: { ...s.choices, database: { ...s.choices.database, ...patch } } })),
    touch: (field) => set((s) => (s.touched.includes(field) ? s : { touched: [...s.touched, field] })),
    setSupportFilesLocation: (supportFilesLocation) => set({ supportFilesLocation }),
    setModifiedInstance: (modifiedInstance) => set({ modifiedInstance }),
    goTo: (pageId) => set((s) => ({ pageId, history: [...s.history, s.pageId], attemptedNext: false, pageError: null, visit: s.visit + 1 })),
    goBack: () =>
      set((s) =>
        s.history.length === 0 ? s : { pageId: s.history[s.history.length - 1], history: s.history.slice(0, -1), attemptedNext: false, pageError: null, visit: s.visit + 1 },
      ),
    setAttemptedNext: (attemptedNext) => set({ attemptedNext }),
    setBusy: (busy) => set({ busy }),
    setPageError: (pageError) => set({ pageError }),
    requestCancel: (cancelRequested) => set({ cancelRequested }),
    markCancelled: () => set({ cancelled: true, cancelRequested: false }),
    setInstall: (patch) => set(patch),
  },
}));

export const useActions = () => useWizard((s) => s.actions);

/** Tests and "Start over" begin from a clean wizard. */
export function resetWizard(): void {
  useWizard.setState(initialState());
}
