import type { Command } from '../command';
import { consoleCommand } from './console';
import { settingsCommand } from './settings';
import { validateCommand } from './validate';

/** Every command of `cdx-setup`, in the order `cdx-setup help` lists them. */
export const COMMANDS: Command[] = [validateCommand, settingsCommand, consoleCommand];
