import { defaultClientSettings, type ClientSettings } from '../../../shared/components/async-client/parameters';

/** A channel's settings as a store admin fills them in. */
export function clientSettings(patch: Partial<ClientSettings> = {}): ClientSettings {
  return {
    ...defaultClientSettings(),
    ChannelMessageDatabaseServer: 'STORE01',
    ChannelMessageDatabaseName: 'ChannelMessageDB',
    ChannelDatabaseServer: 'STORE01',
    ChannelDatabaseName: 'RetailChannelDatabase',
    SynchServiceHeadOfficeURL: 'https://cdxhq01:8443/AsyncServer',
    ServiceUser: 'STORE01\\svc-cdx',
    DataStoreName: 'Houston',
    DataStoreUserName: 'HoustonUser',
    ...patch,
  };
}

