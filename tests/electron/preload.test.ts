import { build } from 'esbuild';
import vm from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract/api';

/**
 * The preload is bundled as the build does (only 'electron' external) and run in a VM with a fake 'electron', so the
 * test sees exactly what the page would receive through contextBridge.
 */
async function loadPreload() {
  const out = await build({
    entryPoints: ['electron/preload/preload.ts'],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
    logLevel: 'silent',
  });
  const exposed: [string, unknown][] = [];
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
    on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), fn])),
    removeListener: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, (listeners.get(channel) ?? []).filter((f) => f !== fn))),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]) }, ipcRenderer };
  const module = { exports: {} };
  const require = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`The sandboxed preload required "${name}"`);
  };
  vm.runInNewContext(out.outputFiles[0].text, { require, module, exports: module.exports, Promise });
  return { exposed, ipcRenderer, listeners };
}

/** Every object and function reachable from the exposed value, to prove ipcRenderer is not among them. */
function reachable(value: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return seen;
  seen.add(value);
  for (const key of Reflect.ownKeys(value as object)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d && 'value' in d) reachable(d.value, seen);
  }
  return seen;
}

describe('the preload exposes one small object, never ipcRenderer', () => {
  let loaded: Awaited<ReturnType<typeof loadPreload>>;
  beforeAll(async () => {
    loaded = await loadPreload();
  });
  const api = () => loaded.exposed[0][1] as { call(m: string, r: unknown): Promise<unknown>; subscribe(l: (...a: unknown[]) => void): () => void };

  it('exposes exactly window.cdxSetup with call and subscribe', () => {
    expect(loaded.exposed.map(([key]) => key)).toEqual(['cdxSetup']);
    expect(Object.keys(loaded.exposed[0][1] as object).sort()).toEqual(['call', 'subscribe']);
  });

  it('lets neither ipcRenderer nor any of its functions reach the page', () => {
    const all = reachable(loaded.exposed);
    expect(all.has(loaded.ipcRenderer)).toBe(false);
    for (const fn of Object.values(loaded.ipcRenderer)) expect(all.has(fn)).toBe(false);
  });

  it('calls only the contract\'s methods, each on its own channel', async () => {
    const refused = (await api().call('fs.readFile', { path: '/etc/passwd' })) as { ok: boolean; error: { code: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('unknown-method');
    expect(await api().call(undefined as unknown as string, {})).toMatchObject({ ok: false });
    expect(loaded.ipcRenderer.invoke).not.toHaveBeenCalled();

    await api().call(METHOD_NAMES[0], {});
    expect(loaded.ipcRenderer.invoke).toHaveBeenCalledWith(`cdx:call:${METHOD_NAMES[0]}`, {});
  });

  it('hands listeners the event name and payload only, drops unknown events, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api().subscribe(listener);
    const [wrapped] = loaded.listeners.get('cdx:event')!;
    const ipcEvent = { sender: { send: () => {} }, ports: [] };
    wrapped(ipcEvent, 'log.entry', { time: 't', level: 'info', message: 'm' });
    wrapped(ipcEvent, 'not.an.event', {});
    expect(listener.mock.calls).toEqual([['log.entry', { time: 't', level: 'info', message: 'm' }]]);
    unsubscribe();
    expect(loaded.listeners.get('cdx:event')).toEqual([]);
  });
});
