import { fail, ok } from '../../../shared/contract/define';
import { SettingsSchema } from '../../../shared/contract/schemas';
import { parseSettingsBytes } from '../settings-files/load';
import { SaveSettingsError, saveSettingsFile, suggestedSettingsPath } from '../settings-files/save';
import type { HandlerSet } from './handler-types';

export const settingsFileHandlers: HandlerSet<'settingsFile.open' | 'settingsFile.suggestPath' | 'settingsFile.save'> = {
  async 'settingsFile.open'(req) {
    const loaded = parseSettingsBytes(Buffer.from(req.contentBase64, 'base64'), req.name);
    // The wizard's pages set Async Server's settings; a file of Async Client alone is deployed with the CLI.
    const part = loaded.parts.find((p) => p.component === 'async-server');
    if (!part || loaded.format === 'sc-settings.xml') {
      return fail('bad-request', `${req.name} holds Async Client settings (sc-settings.xml), which the wizard cannot open yet: deploy it with cdx-setup deploy --settings ${req.name}.`);
    }
    const tooLong = Object.entries(part.settings).find(([, v]) => v.length > 4096);
    if (tooLong) return fail('bad-request', `${req.name}: the value of ${tooLong[0]} is longer than 4096 characters.`, tooLong[0]);
    return ok({ format: loaded.format === 'parameter file' ? 'parameter file' : 'ss-settings.xml', settings: SettingsSchema.parse(part.settings), choices: loaded.choices, problems: loaded.problems });
  },
  async 'settingsFile.suggestPath'(req, ctx) {
    return ok({ path: await suggestedSettingsPath(ctx.supportFiles, req.webApplicationName) });
  },
  async 'settingsFile.save'(req, ctx) {
    try {
      return ok(await saveSettingsFile(ctx.host, req.path, req.settings, req.choices));
    } catch (err) {
      if (err instanceof SaveSettingsError) return fail('bad-request', err.message, 'path');
      return fail('failed', `The settings file could not be written: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'path');
    }
  },
};
