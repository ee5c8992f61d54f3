import type { ParameterFileKeys } from '../component';

/**
 * The AX Setup parameter file's Async Client keys ("Commerce Data Exchange: Async Client parameters" of the setup
 * parameters reference) and the sc-settings.xml parameter each one sets.
 */
export const ASYNC_CLIENT_PARAMETER_FILE: ParameterFileKeys = {
  install: 'InstallSynchServiceClient',
  remove: 'RemoveSynchServiceClient',
  passwords: ['SynchServiceHOPassword', 'SynchServiceClientServicePassword'],
  parameters: {
    SynchServiceClientDatabase: 'ChannelMessageDatabaseName',
    SynchServiceClientDatabaseServerName: 'ChannelMessageDatabaseServer',
    SynchServiceClientDatabaseServerInstanceName: 'ChannelMessageDatabaseServerNamedInstanceName',
    SynchServiceHeadOfficeUrl: 'SynchServiceHeadOfficeURL',
    SynchServiceHOUserName: 'DataStoreUserName',
    SynchServiceClientServiceUserName: 'ServiceUser',
    ChannelDatabase: 'ChannelDatabaseName',
    ChannelDatabaseServer: 'ChannelDatabaseServer',
    ChannelDatabaseServerNamedInstanceName: 'ChannelDatabaseServerNamedInstanceName',
    DataStore: 'DataStoreName',
  },
};
