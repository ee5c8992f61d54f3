import { z } from 'zod';
import { method } from '../define';
import { ComponentSettingsValues } from '../component-settings';
import { ComponentId, DatabaseChoice, SettingsSchema, SetupChoices } from '../schemas';

import { MAX_SETTINGS_FILE_BYTES } from '../../settings/file-limits';

export { MAX_SETTINGS_FILE_BYTES };

export const SettingsFileProblemSchema = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  key: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

/** The wizard's choices a settings file can carry besides the parameters (the CdxSetup element). */
export const FileChoicesSchema = z.object({
  configure: z.boolean().optional(),
  components: SetupChoices.shape.components.optional(),
  database: DatabaseChoice.partial().optional(),
});

export const settingsFileMethods = {
  /** Open settings file: the renderer reads the file the user picked and sends its bytes; the engine parses them. */
  'settingsFile.open': method(
    z.object({ name: z.string().min(1).max(260), contentBase64: z.string().max(Math.ceil((MAX_SETTINGS_FILE_BYTES * 4) / 3) + 8) }),
    z.object({
      format: z.enum(['ss-settings.xml', 'sc-settings.xml', 'parameter file']),
      /** The components the file holds settings of (an AX Setup parameter file may hold both), in Setup's order. */
      components: z.array(ComponentId).min(1),
      /**
       * Their parameters as written in the file, by name (each name is one component's), defaults filled in where it
       * leaves them empty; tokens kept.
       */
      settings: ComponentSettingsValues,
      choices: FileChoicesSchema,
      problems: z.array(SettingsFileProblemSchema),
    }),
  ),
  /** Where Save settings proposes to write: the Setup support files folder, ss-settings-<WebApplicationName>.xml. */
  'settingsFile.suggestPath': method(z.object({ webApplicationName: z.string().max(260) }), z.object({ path: z.string() })),
  /** Save settings: the canonical ss-settings.xml on the target computer. No password is part of the request. */
  'settingsFile.save': method(
    z.object({ path: z.string().min(1).max(260), settings: SettingsSchema, choices: SetupChoices }),
    z.object({ path: z.string(), replaced: z.boolean() }),
  ),
};
