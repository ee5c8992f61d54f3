import { contextBridge, ipcRenderer } from 'electron';
import { isEventName, isMethodName } from '../../shared/contract/api';
import { fail } from '../../shared/contract/define';
import { EVENT_CHANNEL, callChannel } from '../main/ipc-channels';

/**
 * One small object for the page, never ipcRenderer itself: calls go only to contract methods, and listeners
 * receive only the event name and payload, never the IPC event (which would expose the sender).
 */
const api = {
  call(method: string, request: unknown) {
    if (typeof method !== 'string' || !isMethodName(method)) return Promise.resolve(fail('unknown-method', `"${String(method)}" is not a CDX Setup API method.`));
    return ipcRenderer.invoke(callChannel(method), request);
  },
  subscribe(listener: (event: string, payload: unknown) => void) {
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('cdxSetup', api);
