import { webLightTheme, type Theme } from '@fluentui/react-components';
import type { Plugin } from 'vite';

/** The module the renderer imports for the theme's variables; its CSS is made here, at build time. */
export const FLUENT_THEME_MODULE = 'virtual:fluent-theme.css';
const RESOLVED = `\0${FLUENT_THEME_MODULE}`;

/** The theme as the CSS variables Fluent UI's styles read, on the document's root (portals included). */
export function themeCss(theme: Theme): string {
  const declarations = Object.entries(theme).map(([name, value]) => `--${name}: ${String(value)};`);
  return `:root { ${declarations.join(' ')} }\n`;
}

/**
 * Fluent UI's light theme as a style sheet built with the bundle. FluentProvider would otherwise turn the theme
 * object (about 50 KB of the first page's JavaScript) into one rule of some 600 variables at run time, checking each,
 * while the first page renders; the renderer gives it an empty theme instead (renderer/App.tsx).
 */
export function fluentThemeCss(theme: Theme = webLightTheme): Plugin {
  return {
    name: 'cdx:fluent-theme-css',
    resolveId: (id) => (id === FLUENT_THEME_MODULE ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? themeCss(theme) : null),
  };
}
