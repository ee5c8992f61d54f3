import type { SessionInfo } from '../../shared/contract/schemas';
import { resetWizard, useWizard, type WizardStore } from '../../renderer/store/store';
import { useSecrets } from '../../renderer/store/secrets';

/** A rehearsal session; `chosen` is the support files location when it was chosen on an earlier run. */
export function session(chosen: string | null = null): SessionInfo {
  return {
    toolVersion: 'test',
    host: { kind: 'rehearsal', computerName: 'CDX-HQ01', description: 'Rehearsal of Windows Server 2012 R2', rehearsal: { scenario: 'default', sandboxRoot: '/tmp/sandbox' } },
    supportFilesLocation: chosen,
    defaultSupportFilesLocation: 'C:\\ProgramData\\Microsoft Dynamics AX\\CDX Setup',
    canQuit: false,
  };
}

/** A clean wizard and empty secrets, with a session and the given changes. */
export function freshWizard(patch: Partial<WizardStore> = {}): WizardStore {
  resetWizard();
  useSecrets.getState().clear();
  useWizard.setState({ session: session(), ...patch });
  return useWizard.getState();
}

export function withChoices(patch: Partial<WizardStore['choices']>): WizardStore {
  const state = useWizard.getState();
  useWizard.setState({ choices: { ...state.choices, ...patch } });
  return useWizard.getState();
}
