import type { ApiTransport } from '../../shared/contract/api';
import { createClient, type ApiClient } from '../../shared/contract/client';
import { createHttpTransport } from './http-transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload: the only bridge to the main process. */
    cdxSetup?: ApiTransport;
  }
}

function pickTransport(): ApiTransport {
  if (window.cdxSetup) return window.cdxSetup;
  const token = document.querySelector<HTMLMetaElement>('meta[name="cdx-console-token"]')?.content ?? '';
  return createHttpTransport(token);
}

/** The renderer's one way to the engine, the same whether it runs in Electron or in the console. */
export const api: ApiClient = createClient(pickTransport());
