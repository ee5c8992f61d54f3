import { ok } from '../../../shared/contract/define';
import { componentDefinition } from '../../../shared/components/registry';
import { expandSettings } from '../../../shared/settings/expand';
import type { HandlerSet } from './handler-types';

export const settingsHandlers: HandlerSet<'settings.defaults' | 'settings.check' | 'settings.expand'> = {
  async 'settings.defaults'(req) {
    return ok({ component: req.component, settings: componentDefinition(req.component).defaults() });
  },
  async 'settings.check'(req) {
    const definition = componentDefinition(req.component);
    const normalized = definition.normalize(req.settings);
    const secretsProvided = { connectionPassword: req.connectionPasswordProvided };
    return ok({ normalized, issues: definition.validate(normalized, { configure: req.configure, passwordProvided: req.passwordProvided, secretsProvided }) });
  },
  async 'settings.expand'(req, ctx) {
    return ok(expandSettings(componentDefinition(req.component).normalize(req.settings), await ctx.host.environment()));
  },
};
