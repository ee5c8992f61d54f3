import type { z } from 'zod';
import type { FileChoicesSchema } from '../../../shared/contract/methods/settings-files';
import { ComponentId, type SetupChoices } from '../../../shared/contract/schemas';
import { nearest } from '../../../shared/text/levenshtein';
import type { SettingsFileProblem } from './problems';
import type { XmlElement } from './xml';

export type FileChoices = z.infer<typeof FileChoicesSchema>;

/**
 * The wizard's choices that are not guide parameters travel in one element the product's deploy script does not
 * read (it reads the Setting elements): `<CdxSetup xmlns="urn:cdx-setup:choices" configure="true" …/>`.
 */
export const CHOICES_ELEMENT = 'CdxSetup';
export const CHOICES_NAMESPACE = 'urn:cdx-setup:choices';

const BOOLEAN = ['true', 'false'];
const ATTRIBUTES: Record<string, readonly string[] | null> = {
  configure: BOOLEAN,
  components: null,
  databaseMode: ['create', 'existing'],
  databaseAuthentication: ['windows', 'sql'],
  sqlLogin: null,
  trustServerCertificate: BOOLEAN,
  partition: null,
  streaming: BOOLEAN,
};

export function readChoices(element: XmlElement, file: string): { choices: FileChoices; problems: SettingsFileProblem[] } {
  const problems: SettingsFileProblem[] = [];
  const choices: FileChoices = {};
  const database: NonNullable<FileChoices['database']> = {};
  const report = (key: string, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, line: element.line, key: `${CHOICES_ELEMENT} ${key}`, severity, message });

  for (const [name, raw] of Object.entries(element.attributes)) {
    if (name === 'xmlns') continue;
    const allowed = ATTRIBUTES[name];
    if (allowed === undefined) {
      const near = nearest(name, Object.keys(ATTRIBUTES));
      report(name, `is not a ${CHOICES_ELEMENT} attribute${near ? `; did you mean "${near}"?` : `; use ${Object.keys(ATTRIBUTES).join(', ')}.`}`);
      continue;
    }
    const value = raw.trim();
    if (allowed && !allowed.includes(value)) {
      report(name, `is "${value}"; use ${allowed.map((a) => `"${a}"`).join(' or ')}.`);
      continue;
    }
    switch (name) {
      case 'configure':
        choices.configure = value === 'true';
        break;
      case 'components': {
        const ids = value.split(',').map((c) => c.trim()).filter(Boolean);
        const bad = ids.filter((c) => !ComponentId.safeParse(c).success);
        if (bad.length) report(name, `names "${bad.join('", "')}", which CDX Setup does not install; use ${ComponentId.options.join(', ')}.`);
        else if (ids.length === 0) report(name, `is empty; use ${ComponentId.options.join(', ')}.`);
        else choices.components = ids as SetupChoices['components'];
        break;
      }
      case 'streaming':
        choices.streaming = value === 'true';
        break;
      case 'databaseMode':
        database.mode = value as 'create' | 'existing';
        break;
      case 'databaseAuthentication':
        database.authentication = value as 'windows' | 'sql';
        break;
      case 'sqlLogin':
        if (value.length > 128) report(name, 'is longer than 128 characters.');
        else database.sqlLogin = value;
        break;
      case 'trustServerCertificate':
        database.trustServerCertificate = value === 'true';
        break;
      case 'partition':
        if (value === '' || value.length > 64) report(name, 'names the Microsoft Dynamics AX partition: 1 to 64 characters.');
        else database.partition = value;
        break;
    }
  }
  if (Object.keys(database).length) choices.database = database;
  return { choices, problems };
}

/** The element's attributes as the canonical file writes them, in a fixed order; what is not chosen is left out. */
export function choicesAttributes(choices: FileChoices): [string, string][] {
  const db = choices.database ?? {};
  const pairs: [string, string | undefined][] = [
    ['configure', choices.configure === undefined ? undefined : String(choices.configure)],
    ['components', choices.components?.join(',')],
    ['databaseMode', db.mode],
    ['databaseAuthentication', db.authentication],
    ['sqlLogin', db.sqlLogin],
    ['trustServerCertificate', db.trustServerCertificate === undefined ? undefined : String(db.trustServerCertificate)],
    ['partition', db.partition],
    ['streaming', choices.streaming === undefined ? undefined : String(choices.streaming)],
  ];
  return [['xmlns', CHOICES_NAMESPACE], ...pairs.filter((p): p is [string, string] => p[1] !== undefined)];
}
