import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract/api';
import { secureWindowOptions } from '../../electron/main/window-options';

/** A stand-in for Electron that records how the main process wires the window, IPC and permissions. */
const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { options: unknown; handlers: Map<string, (...a: unknown[]) => unknown>; openHandler?: (d: { url: string }) => unknown; loaded?: string; webContents: unknown }[],
    ipc: new Map<string, (event: unknown, payload: unknown) => unknown>(),
    permissionHandler: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    opened: [] as string[],
    ready: undefined as undefined | (() => void),
  };
  class BrowserWindow {
    webContents: { on: (e: string, fn: (...a: unknown[]) => unknown) => void; setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => void; send: () => void; mainFrame: object };
    private record: (typeof state.windows)[number];
    constructor(options: unknown) {
      const record: (typeof state.windows)[number] = { options, handlers: new Map(), webContents: undefined };
      this.webContents = {
        on: (e, fn) => record.handlers.set(e, fn),
        setWindowOpenHandler: (fn) => (record.openHandler = fn),
        send: () => {},
        mainFrame: {},
      };
      record.webContents = this.webContents;
      this.record = record;
      state.windows.push(record);
    }
    once() {}
    show() {}
    loadFile(file: string) {
      this.record.loaded = file;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => true,
      isPackaged: false,
      on: () => {},
      quit: () => {},
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => unknown) => state.ipc.set(channel, fn) },
    session: { defaultSession: { setPermissionRequestHandler: (fn: typeof state.permissionHandler) => (state.permissionHandler = fn) } },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

describe('the Electron main process wires the shell securely', () => {
  const { state } = fake;
  const rendererRoot = path.join(__dirname, '..', '..', 'electron', 'renderer');

  beforeAll(async () => {
    process.env.CDX_SETUP_HOME = mkdtempSync(path.join(os.tmpdir(), 'cdx-main-'));
    await import('../../electron/main/main');
    state.ready!();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
  });

  it('opens one window with the secure options and the bundled preload, on the renderer\'s file', () => {
    const [win] = state.windows;
    const mainDir = path.join(__dirname, '..', '..', 'electron', 'main');
    expect(win.options).toEqual(secureWindowOptions(path.join(mainDir, 'preload.cjs')));
    expect(win.loaded).toBe(path.join(rendererRoot, 'index.html'));
  });

  it('blocks navigation, webviews and new windows; https links go to the user\'s browser', () => {
    const [win] = state.windows;
    for (const name of ['will-navigate', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      win.handlers.get(name)!(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(win.openHandler!({ url: 'https://learn.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(win.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://learn.microsoft.com/']);
  });

  it('refuses every permission a page could ask for', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      state.permissionHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('answers IPC only from the top frame of its own window showing the renderer', async () => {
    expect([...state.ipc.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `cdx:call:${m}`).sort());
    const [win] = state.windows;
    const own = win.webContents as { mainFrame: { url?: string } };
    const goodUrl = pathToFileURL(path.join(rendererRoot, 'index.html')).href;
    own.mainFrame.url = goodUrl;
    const handler = state.ipc.get('cdx:call:session.info')!;

    const fromOtherWindow = await handler({ sender: { mainFrame: {} }, senderFrame: { url: goodUrl } }, {});
    expect(fromOtherWindow).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const fromSubframe = await handler({ sender: own, senderFrame: { url: goodUrl } }, {});
    expect(fromSubframe).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    own.mainFrame.url = 'https://evil.example/';
    const fromWebPage = await handler({ sender: own, senderFrame: own.mainFrame }, {});
    expect(fromWebPage).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    own.mainFrame.url = goodUrl;
    const trusted = await handler({ sender: own, senderFrame: own.mainFrame }, {});
    expect(trusted).toMatchObject({ ok: true });
  });
});
