import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ALL_HOSTS, error, notApplicable, passed } from '../../../prerequisites/check';
import { asyncServerPayload, type AsyncServerCheck } from './async-server-check';

/** The payload folder (WebApplicationServiceBinarySourceFolder): its manifest valid and every file it lists intact. */
export const payloadCheck: AsyncServerCheck = {
  id: 'payload',
  title: 'Payload folder and manifest',
  components: ['async-server'],
  hosts: ALL_HOSTS,
  async run(ctx) {
    const payload = await asyncServerPayload(ctx);
    const folder = ctx.expanded.WebApplicationServiceBinarySourceFolder;
    if (payload === null) return notApplicable('No payload folder is set (WebApplicationServiceBinarySourceFolder): there is nothing to check.');
    const fix = `Point WebApplicationServiceBinarySourceFolder at a complete copy of the Async Server files (the folder with manifest.json), or copy them again from the installation media.`;
    if (payload instanceof Error) return error(payload.message, fix);
    const { manifest, root } = payload;
    const problems: string[] = [];
    const real = (relative: string) => path.join(root, ...relative.split(/[\\/]/));
    const sizeOf = (file: string) => stat(file).then((s) => (s.isFile() ? s.size : null), () => null);
    for (const file of manifest.files) {
      const size = await sizeOf(real(file.path));
      if (size === null) problems.push(`the file ${file.path} is missing`);
      else if (size !== file.size) problems.push(`${file.path} has ${size} bytes, the manifest says ${file.size}`);
      else if ((await sha256(real(file.path))) !== file.sha256) problems.push(`${file.path} differs from the manifest (its SHA-256 does not match)`);
    }
    for (const script of manifest.database.scripts) {
      if ((await sizeOf(real(script.path))) === null) problems.push(`the database script ${script.path} is missing`);
    }
    if (problems.length > 0) {
      const shown = problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
      return error(`The payload in ${folder} is incomplete or changed: ${shown}.`, fix);
    }
    return passed(`The payload in ${folder} is Async Server ${manifest.version}: ${manifest.files.length} files and ${manifest.database.scripts.length} database scripts, all present and intact.`);
  },
};

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
