import type { ComponentWizard } from '../component-wizard';
import { configureClientPage } from './configure-page';
import { clientDatabasePage } from './database-page';

/** Async Client in the wizard: Configure Async Client and its databases page, and the guide's tasks after it. */
export const asyncClientWizard: ComponentWizard = {
  id: 'async-client',
  description: 'Installed at each channel (a store); a Windows service that brings data packages from Async Server to the channel database and uploads its transactions.',
  installs: 'Async Client, Retail Salt Utility',
  pages: [configureClientPage, clientDatabasePage],
  // "After you install Async Client" and the channel database profile it authenticates with.
  afterInstallTasks: [
    'In Microsoft Dynamics AX, set up the channel database profile of this channel database with the same user name and password as the Async Server connection (they are case sensitive).',
    'Set up the Async Server profile with its Data download interval in minutes and Data upload interval in minutes.',
    'Once every connection works, click Full data sync on the Channel database form and select the Full sync distribution schedule.',
  ],
};
