import type { ParameterFileKeys } from '../component';

/**
 * The AX Setup parameter file's Async Server keys ("Commerce Data Exchange: Async Server parameters" of the setup
 * parameters reference) and the ss-settings.xml parameter each one sets. docs/settings-files.md has the same table.
 */
export const ASYNC_SERVER_PARAMETER_FILE: ParameterFileKeys = {
  install: 'InstallSynchServiceHeadOffice',
  remove: 'RemoveSynchServiceHeadOffice',
  passwords: ['SynchServiceHeadOfficePassword'],
  parameters: {
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
  },
};
