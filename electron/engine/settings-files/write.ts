import type { ComponentDefinition } from '../../../shared/components/component';
import type { ComponentId } from '../../../shared/components/ids';
import { componentDefinition } from '../../../shared/components/registry';
import { TOOL_VERSION } from '../version';
import { CHOICES_ELEMENT, choicesAttributes, type FileChoices } from './choices';
import type { KeptComment } from './entries';
import { headerMark } from './header-mark';

export interface SettingsFileContent {
  /** Whose settings: ss-settings.xml for Async Server (the default), sc-settings.xml for Async Client. */
  component?: ComponentId;
  /** The values as the user wrote or entered them: tokens and %VAR% stay as they are; '' means the default. */
  values: Partial<Record<string, string>>;
  choices?: FileChoices;
  comments?: KeptComment[];
}

/**
 * The one canonical shape: every parameter, in the guide's order, as `<Setting key="K" value="V"/>` inside
 * `<Settings>`, then the wizard's other choices in a CdxSetup element. No password is ever part of it.
 */
export function writeSettingsXml(content: SettingsFileContent): string {
  const definition = componentDefinition(content.component ?? 'async-server');
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', ...header(definition), '<Settings>'];
  const comments = content.comments ?? [];
  const commentLines = (before: string | null) => comments.filter((c) => c.before === before).map((c) => `  <!--${safeComment(c.text)}-->`);
  for (const { name } of definition.parameters) {
    lines.push(...commentLines(name), `  <Setting key="${name}" value="${escapeAttribute(content.values[name] ?? '')}" />`);
  }
  lines.push(...commentLines(null));
  const attributes = choicesAttributes(content.choices ?? {});
  if (attributes.length > 1) lines.push(`  <${CHOICES_ELEMENT} ${attributes.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ')} />`);
  lines.push('</Settings>', '');
  return lines.join('\r\n');
}

function header(definition: ComponentDefinition): string[] {
  const [first, ...rest] = definition.passwordHeader;
  return [
    `<!-- ${headerMark(definition)} ${TOOL_VERSION}.`,
    '     Keys are case-sensitive. An empty value takes the installation guide\'s default.',
    '     [Name] refers to another parameter and %VAR% to an environment variable of the target computer; both are',
    '     expanded when the installation plan is made, not here.',
    `     No password is stored in this file. ${first}`,
    ...rest.map((line) => `     ${line}`),
    `     The ${CHOICES_ELEMENT} element holds CDX Setup's other choices; the product's deploy script does not read it. -->`,
  ];
}

/** What Windows tools read best: a UTF-8 byte order mark (Windows PowerShell 5.1 reads BOM-less files as ANSI). */
export function encodeForWindows(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** A comment kept from a file is written back as a comment; "--" cannot appear inside one. */
function safeComment(text: string): string {
  return text.replace(/--/g, '- -').replace(/-$/, '- ');
}
