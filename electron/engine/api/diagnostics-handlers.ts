import path from 'node:path';
import { fail, ok } from '../../../shared/contract/define';
import { MAX_BUNDLE_BASE64 } from '../../../shared/contract/methods/diagnostics';
import { bundleFileName, makeSupportBundle, writeBundleFile } from '../diagnostics/bundle';
import type { HandlerSet } from './handler-types';

export const diagnosticsHandlers: HandlerSet<'diagnostics.create'> = {
  async 'diagnostics.create'(_req, ctx) {
    const now = new Date();
    const location = (await ctx.supportFiles.location()) ?? (await ctx.supportFiles.defaultLocation());
    const supportDir = await ctx.supportFiles.realDir();
    const { zip, facts } = await makeSupportBundle({ host: ctx.host, toolVersion: ctx.toolVersion, supportLocation: location, supportDir, settingsFiles: [], secrets: [], now });
    const fileName = bundleFileName(ctx.host.computerName, now);
    const zipBase64 = zip.toString('base64');
    if (zipBase64.length > MAX_BUNDLE_BASE64) return fail('failed', `The support bundle is ${Math.round(zip.length / 1048576)} MB, too large to hand over here: run cdx-setup diagnostics --out FILE.zip on the computer.`);
    let savedTo: string | null = null;
    try {
      writeBundleFile(path.join(supportDir, 'diagnostics', fileName), zip);
      savedTo = `${location}\\diagnostics\\${fileName}`;
    } catch {
      // The bundle is still handed over; only the kept copy is missing, and the page says so.
    }
    return ok({ fileName, zipBase64, files: facts.files.length + 1, savedTo });
  },
};
