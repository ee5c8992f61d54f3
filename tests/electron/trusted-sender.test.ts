import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl } from '../../electron/main/trusted-sender';

describe('only the wizard\'s own page may call the engine', () => {
  const app = mkdtempSync(path.join(os.tmpdir(), 'cdx-trusted-'));
  const renderer = path.join(app, 'renderer');
  const url = (file: string) => pathToFileURL(file).href;

  it('accepts the top frame of a file inside the renderer folder', () => {
    expect(isTrustedSenderUrl(url(path.join(renderer, 'index.html')), renderer, true)).toBe(true);
    expect(isTrustedSenderUrl(`${url(path.join(renderer, 'index.html'))}#/configure`, renderer, true)).toBe(true);
  });

  it('refuses a subframe, even of the renderer\'s own file', () => {
    expect(isTrustedSenderUrl(url(path.join(renderer, 'index.html')), renderer, false)).toBe(false);
  });

  it('refuses other files: outside the folder, a sibling with the same prefix, or escaping with ..', () => {
    expect(isTrustedSenderUrl(url(path.join(app, 'index.html')), renderer, true)).toBe(false);
    expect(isTrustedSenderUrl(url(path.join(app, 'renderer-evil', 'index.html')), renderer, true)).toBe(false);
    expect(isTrustedSenderUrl(`${url(renderer)}/../secrets.html`, renderer, true)).toBe(false);
    expect(isTrustedSenderUrl(url(renderer), renderer, true)).toBe(false);
  });

  it('refuses web pages, other schemes, missing and malformed URLs', () => {
    expect(isTrustedSenderUrl('http://127.0.0.1:8080/index.html', renderer, true)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', renderer, true)).toBe(false);
    expect(isTrustedSenderUrl('devtools://devtools/bundled/inspector.html', renderer, true)).toBe(false);
    expect(isTrustedSenderUrl('about:blank', renderer, true)).toBe(false);
    expect(isTrustedSenderUrl(undefined, renderer, true)).toBe(false);
    expect(isTrustedSenderUrl('not a url', renderer, true)).toBe(false);
  });
});
