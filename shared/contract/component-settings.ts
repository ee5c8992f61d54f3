import { z } from 'zod';
import { componentDefinition, componentDefinitions } from '../components/registry';
import type { ComponentId } from '../components/ids';
import { COMPONENT_IDS } from '../components/ids';

const Id = z.enum(COMPONENT_IDS);

/** A component's settings as its settings file holds them: parameter name → value; which names, its table says. */
export const ComponentSettingsValues = z.record(z.string().max(256), z.string().max(4096));

type Issue = { path: (string | number)[]; message: string };

/**
 * The parameter names `settings` must have: exactly those of the components in `ids`. A key none of them knows is
 * refused (wrong case included, naming the right one), and so is a parameter left out.
 */
export function settingsIssues(ids: readonly ComponentId[], settings: Record<string, string>): Issue[] {
  const names = ids.flatMap((id) => componentDefinition(id).parameters.map((p) => p.name));
  const known = new Set(names);
  const issues: Issue[] = [];
  for (const key of Object.keys(settings)) {
    if (known.has(key)) continue;
    const sameButCase = names.find((n) => n.toLowerCase() === key.toLowerCase());
    const owner = componentDefinitions().find((d) => d.parameters.some((p) => p.name === key));
    issues.push({
      path: ['settings', key],
      message: sameButCase
        ? `unknown parameter ${key}: parameter names are case-sensitive, the parameter is ${sameButCase}`
        : owner
          ? `${key} is a parameter of ${owner.title}, not of ${ids.map((id) => componentDefinition(id).title).join(' or ')}`
          : `unknown parameter ${key}`,
    });
  }
  for (const name of names) if (!(name in settings)) issues.push({ path: ['settings', name], message: `the parameter ${name} is missing` });
  return issues;
}

/**
 * A request about one component's settings: `component` (absent: Async Server, as requests were before there were
 * two) and `settings` with exactly that component's parameter names, beside the method's own fields.
 */
export function componentSettingsRequest<S extends z.ZodRawShape>(shape: S) {
  return z
    .object({ component: Id.default('async-server'), settings: ComponentSettingsValues, ...shape })
    .superRefine((req, ctx) => {
      const { component, settings } = req as { component: ComponentId; settings: Record<string, string> };
      for (const issue of settingsIssues([component], settings)) ctx.addIssue({ code: 'custom', ...issue });
    });
}

/** One component's settings in an answer (an installed instance, a part of a settings file). */
export const ComponentSettingsPart = z
  .object({ component: Id, settings: ComponentSettingsValues })
  .superRefine((part, ctx) => {
    for (const issue of settingsIssues([part.component], part.settings)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type ComponentSettingsPart = z.infer<typeof ComponentSettingsPart>;
