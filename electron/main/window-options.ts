import type { BrowserWindowConstructorOptions } from 'electron';

/** Electron's security checklist, in one place so a test can hold the shell to it. */
export function secureWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 960,
    height: 720,
    minWidth: 760,
    minHeight: 560,
    title: 'CDX Setup',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}
