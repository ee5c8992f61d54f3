import type { Command } from '../command';
import { consoleCommand } from './console';
import { deployCommand } from './deploy';
import { instancesCommand } from './instances';
import { planCommand } from './plan';
import { uninstallCommand } from './uninstall';

/** Every command of `cdx-setup`, in the order `cdx-setup help` lists them. */
export const COMMANDS: Command[] = [planCommand, deployCommand, instancesCommand, uninstallCommand, consoleCommand];
