import { z } from 'zod';
import { componentSettingsRequest, ComponentSettingsValues } from '../component-settings';
import { method } from '../define';
import { ComponentId, FieldIssueSchema } from '../schemas';

export const settingsMethods = {
  /** A component's parameters with the guide's defaults (absent: Async Server's). */
  'settings.defaults': method(z.object({ component: ComponentId.default('async-server') }), z.object({ component: ComponentId, settings: ComponentSettingsValues })),
  /**
   * The engine's authoritative check of the field rules the wizard shows inline. `passwordProvided`: whether the
   * password of the component's account was entered; `connectionPasswordProvided`: the one it signs in to another
   * with (Async Client to Async Server). Never the values.
   */
  'settings.check': method(
    componentSettingsRequest({ configure: z.boolean(), passwordProvided: z.boolean(), connectionPasswordProvided: z.boolean().optional() }),
    z.object({ normalized: ComponentSettingsValues, issues: z.array(FieldIssueSchema) }),
  ),
  /** `[Name]` tokens and `%VAR%` expanded with the target computer's environment, for the Ready page. */
  'settings.expand': method(
    componentSettingsRequest({}),
    z.object({ expanded: ComponentSettingsValues, problems: z.array(z.object({ field: z.string(), message: z.string() })) }),
  ),
};
