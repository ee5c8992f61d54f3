import { ALL_HOSTS, error, passed } from '../../../prerequisites/check';
import { asyncServerPayload, type AsyncServerCheck } from './async-server-check';

/** Room for logs, the configuration and what IIS writes beside the application files. */
export const DISK_MARGIN_BYTES = 200 * 1024 ** 2;

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export const diskSpaceCheck: AsyncServerCheck = {
  id: 'disk-space',
  title: 'Free disk space at the working folder',
  skippable: true,
  components: ['async-server'],
  hosts: ALL_HOSTS,
  async run(ctx) {
    const folder = ctx.expanded.WebApplicationWorkingFolder;
    const payload = await asyncServerPayload(ctx);
    const payloadBytes = payload && !(payload instanceof Error) ? payload.manifest.files.reduce((sum, f) => sum + f.size, 0) : 0;
    const needed = payloadBytes + DISK_MARGIN_BYTES;
    const free = await ctx.host.facts.diskFreeBytes(folder);
    const what = payloadBytes > 0 ? `${formatBytes(needed)} (the payload's ${formatBytes(payloadBytes)} and ${formatBytes(DISK_MARGIN_BYTES)} to spare)` : `${formatBytes(needed)}`;
    return free >= needed
      ? passed(`${formatBytes(free)} free where ${folder} goes; ${what} needed.`)
      : error(`Only ${formatBytes(free)} free where ${folder} goes; ${what} needed.`, `Free at least ${formatBytes(needed - free)} on that drive, or choose a working folder on another drive.`);
  },
};
