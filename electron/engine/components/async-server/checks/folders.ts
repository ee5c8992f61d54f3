import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkWindowsPath } from '../../../../../shared/settings/rules';
import { ALL_HOSTS, error, passed } from '../../../prerequisites/check';
import { type AsyncServerCheck } from './async-server-check';

const FOLDERS = ['WebSiteWorkingFolder', 'WebApplicationWorkingFolder'] as const;

/** The working folders are full paths and can be created: the nearest folder that exists is writable. */
export const foldersCheck: AsyncServerCheck = {
  id: 'working-folders',
  title: 'Working folders can be created',
  components: ['async-server'],
  hosts: ALL_HOSTS,
  async run(ctx) {
    const problems: string[] = [];
    const fine: string[] = [];
    for (const field of FOLDERS) {
      const value = ctx.expanded[field];
      const rule = checkWindowsPath(value, true);
      if (rule || /%[^%\\]+%|\[[A-Za-z]+\]/.test(value)) {
        problems.push(`${field} "${value}": ${rule ?? 'a token or environment variable in it could not be expanded on this computer.'}`);
        continue;
      }
      const real = ctx.host.realPath(value);
      const existing = await nearestExisting(real);
      if (!(await stat(existing)).isDirectory()) {
        problems.push(`${field} "${value}": a file is in the way of the folder.`);
      } else if (!(await writable(existing))) {
        problems.push(`${field} "${value}": ${existing === real ? 'the folder exists but' : 'its nearest existing parent'} cannot be written by this account.`);
      } else {
        fine.push(`${value} ${existing === real ? 'exists and is writable' : 'can be created'}.`);
      }
    }
    return problems.length > 0
      ? error(problems.join(' '), 'Choose working folders on a local drive that this account can write to (run Setup as an administrator), and remove any file in the way.')
      : passed(fine.join(' '));
  },
};

async function nearestExisting(p: string): Promise<string> {
  let dir = path.resolve(p);
  for (;;) {
    try {
      await stat(dir);
      return dir;
    } catch {
      if (path.dirname(dir) === dir) return dir;
      dir = path.dirname(dir);
    }
  }
}

async function writable(dir: string): Promise<boolean> {
  try {
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
