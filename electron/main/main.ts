import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import path from 'node:path';
import { METHOD_NAMES } from '../../shared/contract/api';
import { fail } from '../../shared/contract/define';
import { createEngine } from '../engine/create-engine';
import { createHost } from '../engine/hosts/create-host';
import { packagedResourceEnv } from '../engine/packaged-resources';
import { TOOL_VERSION } from '../engine/version';
import { EVENT_CHANNEL, callChannel } from './ipc-channels';
import { isTrustedSenderUrl } from './trusted-sender';
import { secureWindowOptions } from './window-options';

// Two wizards installing at once would fight over one machine: the second start focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  Object.assign(process.env, packagedResourceEnv(app.isPackaged ? process.resourcesPath : null, process.env));
  const rendererRoot = path.join(__dirname, '..', 'renderer');
  const rehearsalArg = process.argv.find((a) => a === '--rehearsal' || a.startsWith('--rehearsal='));
  const rehearsal = rehearsalArg ? (rehearsalArg.includes('=') ? rehearsalArg.split('=')[1] : true) : process.platform !== 'win32';
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.whenReady().then(() => {
    const engine = createEngine({ host: createHost({ rehearsal }), toolVersion: TOOL_VERSION, canQuit: true, onQuit: () => app.quit() });

    // The wizard asks for nothing a browser could grant: camera, notifications, geolocation… all refused.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

    for (const method of METHOD_NAMES) {
      ipcMain.handle(callChannel(method), (event, payload: unknown) => {
        const frame = event.senderFrame;
        if (!frame || !window || event.sender !== window.webContents || !isTrustedSenderUrl(frame.url, rendererRoot, frame === event.sender.mainFrame)) {
          return fail('unauthorized', 'This message did not come from the CDX Setup window.');
        }
        return engine.dispatch(method, payload);
      });
    }
    engine.subscribe((name, payload) => window?.webContents.send(EVENT_CHANNEL, name, payload));

    window = new BrowserWindow(secureWindowOptions(path.join(__dirname, 'preload.cjs')));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    window.webContents.on('will-attach-webview', (event) => event.preventDefault());
    window.webContents.setWindowOpenHandler(({ url }) => {
      // Links to the product documentation open in the user's browser, never inside the wizard.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    window.once('ready-to-show', () => window?.show());
    void window.loadFile(path.join(rendererRoot, 'index.html'));
  });

  app.on('window-all-closed', () => app.quit());
}
