import type { Command } from '../command';
import { consoleCommand } from './console';
import { deployCommand } from './deploy';
import { diagnosticsCommand } from './diagnostics';
import { instancesCommand } from './instances';
import { planCommand } from './plan';
import { settingsCommand } from './settings';
import { testConnectionCommand } from './test-connection';
import { uninstallCommand } from './uninstall';
import { validateCommand } from './validate';

/** Every command of `cdx-setup`, in the order `cdx-setup help` lists them. */
export const COMMANDS: Command[] = [validateCommand, planCommand, deployCommand, instancesCommand, uninstallCommand, testConnectionCommand, settingsCommand, consoleCommand, diagnosticsCommand];
