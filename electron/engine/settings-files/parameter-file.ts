import type { ParameterName } from '../../../shared/components/async-server/parameters';
import { nearest } from '../../../shared/text/levenshtein';
import type { FileChoices } from './choices';
import type { KeptComment, SettingsFileEntry } from './load';
import type { SettingsFileProblem } from './problems';

/**
 * The AX Setup parameter file's Async Server keys ("Commerce Data Exchange: Async Server parameters" of the setup
 * parameters reference) and the ss-settings.xml parameter each one sets. docs/settings-files.md has the same table.
 */
export const PARAMETER_FILE_MAP = {
  SynchServiceHeadOfficeDatabaseServerName: 'HQMessageDatabaseServerName',
  SynchServiceDatabaseServerInstanceName: 'HQMessageDatabaseServerNamedInstanceName',
  SynchServiceHeadOfficeDatabase: 'HQMessageDatabase',
  SynchServiceHeadOfficeWebsiteName: 'WebSiteName',
  SynchServiceHeadOfficeAppPoolName: 'AppPoolName',
  SynchServiceHeadOfficeUsername: 'AppPoolUser',
  SynchServiceHeadOfficeAOSServiceUser: 'AOSServiceUser',
  SynchServiceHeadOfficeApplicationName: 'WebApplicationName',
  SynchServiceHeadOfficeHttpsPort: 'WebSiteHttpsPort',
  SynchServiceHeadOfficeTcpPort: 'WebSiteTcpPort',
  SynchServiceHeadOfficeSslCertThumbprint: 'WebSiteSSLCertificateThumbprint',
} as const satisfies Record<string, ParameterName>;

const INSTALL = 'InstallSynchServiceHeadOffice';
const REMOVE = 'RemoveSynchServiceHeadOffice';
const PASSWORD = 'SynchServiceHeadOfficePassword';
const ASYNC_SERVER_KEYS = [...Object.keys(PARAMETER_FILE_MAP), INSTALL, REMOVE, PASSWORD];
const NAME_VALUE = /^\s*([A-Za-z][A-Za-z0-9_.]*)\s*=(.*)$/;

/** A parameter file is `Name=Value` lines and `#` comments; an XML file starts with "<". */
export function looksLikeParameterFile(text: string): boolean {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
  return first !== undefined && !first.startsWith('<') && NAME_VALUE.test(first);
}

export function readParameterFile(text: string, file: string) {
  const written: Partial<Record<ParameterName, SettingsFileEntry>> = {};
  const choices: FileChoices = {};
  const comments: KeptComment[] = [];
  const problems: SettingsFileProblem[] = [];
  const seen = new Map<string, number>();
  const otherKeys: string[] = [];
  let pending: string[] = [];

  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.replace(/\r$/, '').trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      pending.push(` ${trimmed.slice(1).trim()} `);
      return;
    }
    const match = NAME_VALUE.exec(trimmed);
    if (!match) {
      problems.push({ file, line, severity: 'error', message: `has "${shorten(trimmed)}", which is not a Name=Value line or a # comment.` });
      return;
    }
    const [, written_key, rawValue] = match;
    const value = unquote(rawValue.trim());
    // AX Setup reads its parameter names without regard to case; the canonical spelling is reported.
    const key = ASYNC_SERVER_KEYS.find((k) => k.toLowerCase() === written_key.toLowerCase());
    if (!key) {
      if (/^SynchService(HeadOffice|Database)/i.test(written_key)) {
        const near = nearest(written_key, ASYNC_SERVER_KEYS);
        problems.push({ file, line, key: written_key, severity: 'error', message: `is not an Async Server parameter of AX Setup${near ? `; did you mean "${near}"?` : '.'}` });
      } else {
        otherKeys.push(written_key);
      }
      return;
    }
    if (key !== written_key) problems.push({ file, line, key: written_key, severity: 'warning', message: `is spelled "${key}" in the setup parameters reference.` });
    const previous = seen.get(key);
    if (previous !== undefined) {
      problems.push({ file, line, key, severity: 'error', message: `is set twice, on lines ${previous} and ${line}; keep one.` });
      return;
    }
    seen.set(key, line);
    if (key === PASSWORD) {
      problems.push({ file, line, key, severity: 'warning', message: 'is not carried over: passwords never go in a settings file. It is asked for when the settings are deployed (prompt, --credential-file or CDX_SETUP_PASSWORD).' });
    } else if (key === INSTALL) {
      if (value === '1') choices.components = ['async-server'];
      else problems.push({ file, line, key, severity: 'warning', message: `is "${value}": this parameter file does not install Async Server; its Async Server values are read anyway.` });
    } else if (key === REMOVE) {
      if (value === '1') problems.push({ file, line, key, severity: 'error', message: 'is 1 (remove Async Server): a settings file describes an installation; remove an instance with cdx-setup instead.' });
    } else {
      const parameter = PARAMETER_FILE_MAP[key as keyof typeof PARAMETER_FILE_MAP];
      written[parameter] = { value, line };
      comments.push(...pending.map((t) => ({ before: parameter, text: t })));
      pending = [];
    }
  });
  comments.push(...pending.map((t) => ({ before: null, text: t })));
  if (otherKeys.length) {
    problems.push({ file, severity: 'warning', message: `sets ${otherKeys.length} AX Setup parameter(s) for other components, which Async Server does not use: ${otherKeys.join(', ')}.` });
  }
  if (seen.size === 0) {
    problems.push({ file, severity: 'error', message: `has no Async Server parameters (${Object.keys(PARAMETER_FILE_MAP)[0]}=…, ${INSTALL}=1…).` });
  }
  return { written, choices, comments, problems };
}

function unquote(value: string): string {
  return /^"[^"]*"$/.test(value) ? value.slice(1, -1) : value;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
