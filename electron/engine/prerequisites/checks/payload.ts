import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ALL_HOSTS, error, notApplicable, passed, type PrerequisiteCheck } from '../check';

/** The payload folder (WebApplicationServiceBinarySourceFolder): its manifest valid and every file it lists intact. */
export const payloadCheck: PrerequisiteCheck = {
  id: 'payload',
  title: 'Payload folder and manifest',
  components: ['async-server'],
  hosts: ALL_HOSTS,
  async run(ctx) {
    const payload = await ctx.payload();
    const folder = ctx.expanded.WebApplicationServiceBinarySourceFolder;
    if (payload === null) return notApplicable('No payload folder is set (WebApplicationServiceBinarySourceFolder): there is nothing to check.');
    const fix = `Point WebApplicationServiceBinarySourceFolder at a complete copy of the Async Server files (the folder with manifest.json), or copy them again from the installation media.`;
    if (payload instanceof Error) return error(payload.message, fix);
    const { manifest, root } = payload;
    const listed = [...manifest.files.map((f) => ({ ...f, kind: 'file' })), ...manifest.database.scripts.map((s) => ({ path: s.path, kind: 'database script' }))];
    const problems: string[] = [];
    for (const entry of listed) {
      const real = path.join(root, ...entry.path.split(/[\\/]/));
      const size = await stat(real).then((s) => (s.isFile() ? s.size : -1), () => null);
      if (size === null || size < 0) problems.push(`the ${entry.kind} ${entry.path} is missing`);
      else if ('size' in entry && typeof entry.size === 'number' && entry.size !== size) problems.push(`${entry.path} has ${size} bytes, the manifest says ${entry.size}`);
      else if ('sha256' in entry && typeof entry.sha256 === 'string' && (await sha256(real)) !== entry.sha256) problems.push(`${entry.path} differs from the manifest (its SHA-256 does not match)`);
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
