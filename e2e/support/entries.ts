/** What a user enters on the pages; a page object fills its part of it. */
export interface Entries {
  applicationName: string;
  userName: string;
  password: string;
  httpsPort: string;
  tcpPort: string;
  thumbprint: string;
  server: string;
  database: string;
  /** Absent: the page's default is kept. */
  supportFilesLocation?: string;
  /** The radio label on Select an installation option; "Commerce Data Exchange components" when absent. */
  option?: string;
  /** The check boxes to tick on Select components (the others are cleared); Async Server when absent. */
  components?: string[];
  appPoolName?: string;
  websiteName?: string;
  aosServiceUser?: string;
  namedInstance?: string;
  /** "Configure Async Server by using Setup"; false installs the application files only. */
  configure?: boolean;
  databaseMode?: 'create' | 'existing';
  /** Async Client's pages (Configure Async Client, its databases); its valid entries when absent. */
  client?: Partial<ClientEntries>;
}

/** What a store admin enters on Async Client's pages. */
export interface ClientEntries {
  /** "Configure Async Client by using Setup"; false installs the files only. */
  configure: boolean;
  url: string;
  channelDatabaseId: string;
  connectionUser: string;
  connectionPassword: string;
  serviceUser: string;
  servicePassword: string;
  serviceName: string;
  installFolder: string;
  streaming: boolean;
  messageServer: string;
  messageDatabase: string;
  channelServer: string;
  channelDatabase: string;
}

/** Valid entries for the store computer (e2e/fixtures/store-with-hq): its SQL Server, channel database and account. */
export const GOOD_CLIENT: ClientEntries = {
  configure: true,
  url: 'https://cdx-hq01.contoso.com/AsyncServer',
  channelDatabaseId: 'Houston',
  connectionUser: 'HoustonUser',
  connectionPassword: 'Canary-Pa55word!',
  serviceUser: 'CONTOSO\\svc-cdx-store',
  // The password the scenarios' CONTOSO\svc-cdx-store accepts: the gate checks it against the domain.
  servicePassword: 'Rehearsal-Svc-Pa55!',
  serviceName: 'CommerceDataExchangeAsyncClientService',
  installFolder: '%SystemDrive%\\AsyncClientService',
  streaming: false,
  messageServer: 'STORE01',
  messageDatabase: 'ChannelMessageDB',
  channelServer: 'STORE01',
  channelDatabase: 'RetailChannelDatabase',
};

/**
 * Valid entries for every field, with the default scenario's good certificate and the password its CONTOSO\svc-async
 * accepts (page 8 checks it against the domain); distinctive enough to be the canary the tests search for.
 */
export const GOOD: Entries = {
  applicationName: 'AsyncServer',
  userName: 'CONTOSO\\svc-async',
  password: 'Rehearsal-Svc-Pa55!',
  httpsPort: '8443',
  tcpPort: '808',
  thumbprint: 'D0743827EFD9BFA20059CE80157DF8B8B74EE50B',
  server: 'SQLHQ01',
  database: 'AsyncServerMessageDB',
};
