import { create } from 'zustand';
import type { ResponseOf } from '../../../shared/contract/api';
import type { SetupChoices } from '../../../shared/contract/schemas';
import { asSettings } from '../../../shared/components/async-server/parameters';
import { api } from '../../api/client';
import { useSecrets } from '../../store/secrets';

type Report = ResponseOf<'database.test'>;

const SEE_ABOVE = 'The message database cannot be used as chosen: see the message above.';

/**
 * What the last Test connection or Next learned from the server: its message databases, or the failure with the
 * field to fix. Transient (never saved with the wizard's state), and it holds no secret.
 */
export interface DatabaseStatus {
  report: Report | null;
  problem: { field: string | null; message: string; suggestion: string | null } | null;
  testing: boolean;
  /** `settings`: the wizard's, every component's; Async Server's are sent. */
  test(settings: Readonly<Record<string, string>>, database: SetupChoices['database']): Promise<void>;
  check(settings: Readonly<Record<string, string>>, database: SetupChoices['database']): Promise<string | null>;
  reset(): void;
}

export const useDatabaseStatus = create<DatabaseStatus>()((set) => ({
  report: null,
  problem: null,
  testing: false,
  async test(settings, database) {
    set({ testing: true, problem: null });
    const r = await api.call('database.test', { settings: asSettings(settings), database, sqlPassword: useSecrets.getState().sqlPassword });
    set(r.ok ? { testing: false, report: r.value } : { testing: false, report: null, problem: { field: r.error.field ?? null, message: r.error.message, suggestion: null } });
  },
  /** For Next: the full message shows on the page (and under its field); the wizard gets a pointer to it. */
  async check(settings, database) {
    const r = await api.call('database.check', { settings: asSettings(settings), database, sqlPassword: useSecrets.getState().sqlPassword });
    if (!r.ok) {
      set({ report: null, problem: { field: r.error.field ?? null, message: r.error.message, suggestion: null } });
      return r.error.code === 'failed' ? SEE_ABOVE : r.error.message;
    }
    const { ok, field, message, suggestion, ...report } = r.value;
    set({ report, problem: ok ? null : { field, message: message ?? 'This message database cannot be used.', suggestion } });
    return ok ? null : SEE_ABOVE;
  },
  reset: () => set({ report: null, problem: null, testing: false }),
}));
