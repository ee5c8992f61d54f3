import type { ComponentWizard } from '../component-wizard';
import { configurePage } from './configure-page';
import { databasePage } from './database-page';

/** Async Server in the wizard: Configure Async Server and its message database page. */
export const asyncServerWizard: ComponentWizard = {
  id: 'async-server',
  description: 'Installed at headquarters; communicates with Microsoft Dynamics AX. The Retail Salt Utility is installed with it.',
  installs: 'Async Server, Retail Salt Utility',
  pages: [configurePage, databasePage],
  // The guide's "Next steps" after Async Server is installed.
  afterInstallTasks: [
    'In the Retail scheduler parameters form, set the message database information, then click Sync metadata.',
    'Create a scheduler profile for Async Server, with its download and upload intervals.',
    'Set up the working folders for Commerce Data Exchange.',
  ],
};
