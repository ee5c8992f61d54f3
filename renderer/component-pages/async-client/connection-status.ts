import { create } from 'zustand';
import type { ResponseOf } from '../../../shared/contract/api';
import { api } from '../../api/client';

export type ConnectionReport = ResponseOf<'connection.test'>;

/**
 * What the last Test connection on Configure Async Client found, step by step. Transient (never saved with the
 * wizard's state) and without a secret: the probe needs no user name or password, so none is sent.
 */
export interface ConnectionStatus {
  report: ConnectionReport | null;
  error: string | null;
  testing: boolean;
  /** Async Server's TCP port, which streaming uses: asked only for the test (808 is Async Server's default). */
  netTcpPort: string;
  setNetTcpPort(value: string): void;
  test(url: string, streaming: boolean): Promise<void>;
}

export const useConnectionStatus = create<ConnectionStatus>()((set, get) => ({
  report: null,
  error: null,
  testing: false,
  netTcpPort: '808',
  setNetTcpPort: (netTcpPort) => set({ netTcpPort }),
  async test(url, streaming) {
    const port = Number(get().netTcpPort.trim());
    if (streaming && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
      set({ report: null, error: 'Enter the NetTcp port number (1 to 65535): streaming goes over it.' });
      return;
    }
    set({ testing: true, error: null, report: null });
    const r = await api.call('connection.test', { url: url.trim(), netTcpPort: streaming ? port : null });
    set(r.ok ? { testing: false, report: r.value } : { testing: false, error: r.error.message });
  },
}));
