import { z } from 'zod';
import { method } from '../define';
import { FieldIssueSchema, SettingsSchema } from '../schemas';

export const settingsMethods = {
  'settings.defaults': method(z.object({}), z.object({ settings: SettingsSchema })),
  /** The engine's authoritative check of the field rules the wizard shows inline. */
  'settings.check': method(
    z.object({ settings: SettingsSchema, configure: z.boolean(), passwordProvided: z.boolean() }),
    z.object({ normalized: SettingsSchema, issues: z.array(FieldIssueSchema) }),
  ),
  /** `[Name]` tokens and `%VAR%` expanded with the target computer's environment, for the Ready page. */
  'settings.expand': method(
    z.object({ settings: SettingsSchema }),
    z.object({ expanded: SettingsSchema, problems: z.array(z.object({ field: z.string(), message: z.string() })) }),
  ),
};
