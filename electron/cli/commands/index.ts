import type { Command } from '../command';
import { consoleCommand } from './console';
import { settingsCommand } from './settings';

/** Every command of `cdx-setup`, in the order `cdx-setup help` lists them. */
export const COMMANDS: Command[] = [consoleCommand, settingsCommand];
