import { hasTokens } from '../../settings/expand';
import {
  checkAccount,
  checkCertificateRootStore,
  checkCertificateStore,
  checkDatabaseName,
  checkIisName,
  checkPort,
  checkSqlInstance,
  checkSqlServerName,
  checkThumbprint,
  checkWindowsPath,
  isBuiltInAccount,
  normalizeThumbprint,
  type FieldIssue,
} from '../../settings/rules';
import type { ParameterName, Settings } from './parameters';

/** Fields a user can get wrong: the parameters, and the password that travels beside them. */
export type FieldId = ParameterName | 'AppPoolPassword';

export interface RuleContext {
  /** "Configure Async Server by using Setup": when cleared only files are placed and the IIS fields do not apply. */
  configure: boolean;
  /** Whether a password for AppPoolUser has been given (the value itself never comes here). */
  passwordProvided?: boolean;
}

/** Every rule over a whole set of settings; an empty list means the settings can be used. */
export function validateSettings(s: Settings, ctx: RuleContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const error = (field: FieldId, message: string | null) => {
    if (message) issues.push({ field, severity: 'error', message });
  };

  error('WebApplicationServiceBinarySourceFolder', checkWindowsPath(s.WebApplicationServiceBinarySourceFolder, false));
  error('WebSiteWorkingFolder', checkWindowsPath(s.WebSiteWorkingFolder, true));
  error('WebApplicationWorkingFolder', checkWindowsPath(s.WebApplicationWorkingFolder, true));
  // Files only: no website, no pool, no database are set up, so their fields do not apply.
  if (!ctx.configure) return issues;

  error('HQMessageDatabaseServerName', checkSqlServerName(s.HQMessageDatabaseServerName));
  error('HQMessageDatabaseServerNamedInstanceName', checkSqlInstance(s.HQMessageDatabaseServerNamedInstanceName, false));
  error('HQMessageDatabase', checkDatabaseName(s.HQMessageDatabase));
  if (s.HQMessageDatabaseServerOverride.trim() !== '' && !hasTokens(s.HQMessageDatabaseServerOverride)) {
    error('HQMessageDatabaseServerOverride', checkSqlInstance(s.HQMessageDatabaseServerOverride, false));
  }

  error('WebApplicationName', checkIisName(s.WebApplicationName, 'application name'));
  error('AppPoolName', checkIisName(s.AppPoolName, 'app pool name'));
  error('WebSiteName', checkIisName(s.WebSiteName, 'website name'));
  error('AppPoolUser', checkAccount(s.AppPoolUser, 'app pool user'));
  if (ctx.passwordProvided === false && s.AppPoolUser.trim() !== '' && !isBuiltInAccount(s.AppPoolUser)) {
    error('AppPoolPassword', 'Enter the password of the app pool user.');
  }
  error('AOSServiceUser', checkAccount(s.AOSServiceUser, 'AOS service user'));

  const https = checkPort(s.WebSiteHttpsPort, true);
  error('WebSiteHttpsPort', https);
  if (!https && Number(s.WebSiteHttpsPort.trim()) === 443) {
    issues.push({
      field: 'WebSiteHttpsPort',
      severity: 'warning',
      message: 'Port 443 is the Default Web Site\'s HTTPS port; the guide recommends a nonstandard port to avoid conflicts.',
    });
  }
  const tcp = checkPort(s.WebSiteTcpPort, false);
  error('WebSiteTcpPort', tcp);
  if (!https && !tcp && s.WebSiteTcpPort.trim() !== '' && Number(s.WebSiteTcpPort) === Number(s.WebSiteHttpsPort)) {
    error('WebSiteTcpPort', 'The TCP port must differ from the HTTPS port.');
  }
  error('WebSiteSSLCertificateThumbprint', checkThumbprint(s.WebSiteSSLCertificateThumbprint));
  error('WebSiteSSLCertificateRootStore', checkCertificateRootStore(s.WebSiteSSLCertificateRootStore));
  error('WebSiteSSLCertificateStore', checkCertificateStore(s.WebSiteSSLCertificateStore));
  return issues;
}

/** The values as they are stored: a thumbprint cleaned and upper-case, names trimmed of nothing (spaces are errors). */
export function normalizeSettings(s: Settings): Settings {
  return { ...s, WebSiteSSLCertificateThumbprint: normalizeThumbprint(s.WebSiteSSLCertificateThumbprint) };
}

