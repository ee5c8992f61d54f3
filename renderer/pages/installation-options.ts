import type { InstallationOption } from '../../shared/contract/schemas';

export const INSTALLATION_OPTIONS: { value: InstallationOption; label: string; description: string }[] = [
  { value: 'components', label: 'Commerce Data Exchange components', description: 'Install Async Server and configure it.' },
  { value: 'validate-only', label: 'Validate prerequisites only', description: 'Check this computer and export the report; nothing is installed.' },
  { value: 'modify', label: 'Add or modify components', description: 'Change an installed instance; Ready to install shows only the difference.' },
];
