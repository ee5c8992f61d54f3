import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An IPC message is honoured only from the top frame of our own page: a file inside the packaged renderer folder.
 * Anything else (an iframe, a navigated-away page, a devtools extension) is dropped.
 */
export function isTrustedSenderUrl(frameUrl: string | undefined, rendererRoot: string, isMainFrame: boolean): boolean {
  if (!frameUrl || !isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'file:') return false;
  const file = path.resolve(fileURLToPath(url));
  return file.startsWith(path.resolve(rendererRoot) + path.sep);
}
