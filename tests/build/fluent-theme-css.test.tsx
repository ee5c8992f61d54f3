// @vitest-environment happy-dom
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { webLightTheme } from '@fluentui/react-components';
import { cleanup, render } from '@testing-library/react';
import { build } from 'vite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { useWizard } from '../../renderer/store/store';
import { FLUENT_THEME_MODULE, fluentThemeCss, themeCss } from '../../scripts/fluent-theme-css';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
afterEach(cleanup);

/** name → value of each custom property a rule declares. */
function variables(css: string): Map<string, string> {
  return new Map([...css.matchAll(/--([A-Za-z0-9]+):\s*([^;}]*)/g)].map((m) => [m[1], m[2].trim()]));
}

describe("Fluent UI's theme as a style sheet", () => {
  it('declares every variable of the light theme, with its value, on the root', () => {
    const css = themeCss(webLightTheme);
    expect(css.startsWith(':root {')).toBe(true);
    const declared = variables(css);
    expect(declared.size).toBe(Object.keys(webLightTheme).length);
    for (const [name, value] of Object.entries(webLightTheme)) expect(declared.get(name), name).toBe(String(value));
  });

  it('is in the style sheet of a build whose entry imports it', async () => {
    mkdirSync(path.resolve('dist'), { recursive: true });
    const root = mkdtempSync(path.resolve('dist', 'theme-css-'));
    dirs.push(root);
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    writeFileSync(path.join(root, 'main.js'), `import '${FLUENT_THEME_MODULE}';\nexport const loaded = true;\n`);
    await build({ root, configFile: false, base: './', logLevel: 'silent', plugins: [fluentThemeCss()], build: { outDir: path.join(root, 'out'), reportCompressedSize: false } });
    const assets = path.join(root, 'out', 'assets');
    const css = readdirSync(assets).filter((f) => f.endsWith('.css')).map((f) => readFileSync(path.join(assets, f), 'utf8')).join('');
    expect(variables(css).size).toBe(Object.keys(webLightTheme).length);
    expect(css).toMatch(/--colorBrandBackground:\s*#0f6cbd/i);
  });

  it("leaves the renderer's FluentProvider no variables to write at run time", () => {
    useWizard.setState({ sessionError: 'The engine is not there.' });
    const { getByRole } = render(<App />);
    expect(getByRole('alert').textContent).toContain('The engine is not there.');
    const providerTag = [...document.querySelectorAll('style')].find((s) => s.id.startsWith('fui-FluentProvider'));
    const written = [...(providerTag?.sheet?.cssRules ?? [])].map((r) => r.cssText).join('\n');
    expect(providerTag).toBeDefined();
    expect(variables(written).size).toBe(0);
  });
});
