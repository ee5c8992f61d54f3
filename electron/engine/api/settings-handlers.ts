import { ok } from '../../../shared/contract/define';
import { expandSettings } from '../../../shared/settings/expand';
import { defaultSettings } from '../../../shared/components/async-server/parameters';
import { normalizeSettings, validateSettings } from '../../../shared/components/async-server/rules';
import type { HandlerSet } from './handler-types';

export const settingsHandlers: HandlerSet<'settings.defaults' | 'settings.check' | 'settings.expand'> = {
  async 'settings.defaults'() {
    return ok({ settings: defaultSettings() });
  },
  async 'settings.check'(req) {
    const normalized = normalizeSettings(req.settings);
    return ok({ normalized, issues: validateSettings(normalized, { configure: req.configure, passwordProvided: req.passwordProvided }) });
  },
  async 'settings.expand'(req, ctx) {
    return ok(expandSettings(normalizeSettings(req.settings), await ctx.host.environment()));
  },
};
