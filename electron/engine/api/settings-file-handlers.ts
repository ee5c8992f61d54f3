import { fail, ok } from '../../../shared/contract/define';
import { parseSettingsBytes } from '../settings-files/load';
import { SaveSettingsError, saveSettingsFile, suggestedSettingsPath } from '../settings-files/save';
import type { HandlerSet } from './handler-types';

export const settingsFileHandlers: HandlerSet<'settingsFile.open' | 'settingsFile.suggestPath' | 'settingsFile.save'> = {
  async 'settingsFile.open'(req) {
    const loaded = parseSettingsBytes(Buffer.from(req.contentBase64, 'base64'), req.name);
    // A parameter file that installs nothing still fills in the first component's pages, with its defaults.
    const parts = loaded.parts.length ? loaded.parts : [{ component: loaded.component, settings: loaded.settings }];
    // Each component's parameters under their own names (no name is two components'), for the pages that set them.
    const settings = Object.assign({}, ...parts.map((p) => p.settings)) as Record<string, string>;
    const tooLong = Object.entries(settings).find(([, v]) => v.length > 4096);
    if (tooLong) return fail('bad-request', `${req.name}: the value of ${tooLong[0]} is longer than 4096 characters.`, tooLong[0]);
    return ok({ format: loaded.format, components: parts.map((p) => p.component), settings, choices: loaded.choices, problems: loaded.problems });
  },
  async 'settingsFile.suggestPath'(req, ctx) {
    return ok({ path: await suggestedSettingsPath(ctx.supportFiles, req.component, req.settings) });
  },
  async 'settingsFile.save'(req, ctx) {
    try {
      return ok(await saveSettingsFile(ctx.host, req.path, req.component, req.settings, req.choices));
    } catch (err) {
      if (err instanceof SaveSettingsError) return fail('bad-request', err.message, 'path');
      return fail('failed', `The settings file could not be written: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'path');
    }
  },
};
