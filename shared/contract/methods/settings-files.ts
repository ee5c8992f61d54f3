import { z } from 'zod';
import { method } from '../define';
import { componentSettingsRequest, ComponentSettingsValues } from '../component-settings';
import { ComponentId, DatabaseChoice, SetupChoices } from '../schemas';

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
  /** Async Client's *Use streaming*, in the files of the components that take it (ComponentDefinition.choices). */
  streaming: z.boolean().optional(),
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
  /**
   * Where Save settings proposes to write a component's file: the Setup support files folder, the component's settings
   * file named after its instance (ss-settings-<WebApplicationName>.xml, sc-settings-<ServiceName>.xml).
   */
  'settingsFile.suggestPath': method(componentSettingsRequest({}), z.object({ path: z.string() })),
  /**
   * Save settings: the canonical settings file of one component (ss-settings.xml, sc-settings.xml) on the target
   * computer. No password is part of the request.
   */
  'settingsFile.save': method(
    componentSettingsRequest({ path: z.string().min(1).max(260), choices: SetupChoices }),
    z.object({ path: z.string(), replaced: z.boolean() }),
  ),
};
