import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkWindowsPath } from '../../../shared/settings/rules';
import type { Host } from '../hosts/host';

/** Setup's default place for its support files; %ProgramData% because logs and the journal must stay writable. */
export const DEFAULT_SUPPORT_FILES_LOCATION = '%ProgramData%\\Microsoft Dynamics AX\\CDX Setup';

/**
 * The Setup support files: where logs, the journal and the instance registry live. The location is chosen once per
 * computer (Select a file location) and remembered in a small pointer file at a fixed place.
 */
export class SupportFiles {
  constructor(private readonly host: Host) {}

  private async pointerFile(): Promise<string> {
    const env = await this.host.environment();
    return this.host.realPath(`${env.ProgramData ?? 'C:\\ProgramData'}\\CDX Setup\\support-files.json`);
  }

  /** The chosen location as a Windows path, or null the first time on a computer. */
  async location(): Promise<string | null> {
    const pointer = await this.pointerFile();
    if (!existsSync(pointer)) return null;
    try {
      const data = JSON.parse(readFileSync(pointer, 'utf8')) as { location?: unknown };
      return typeof data.location === 'string' ? data.location : null;
    } catch {
      return null;
    }
  }

  async defaultLocation(): Promise<string> {
    return this.expand(DEFAULT_SUPPORT_FILES_LOCATION);
  }

  async choose(location: string): Promise<string> {
    const problem = checkWindowsPath(location, true);
    if (problem) throw new SupportFilesError(problem);
    const expanded = await this.expand(location.trim());
    mkdirSync(this.host.realPath(expanded), { recursive: true });
    const pointer = await this.pointerFile();
    mkdirSync(path.dirname(pointer), { recursive: true });
    writeFileSync(`${pointer}.tmp`, JSON.stringify({ location: expanded }, null, 2));
    renameSync(`${pointer}.tmp`, pointer);
    return expanded;
  }

  /** The real folder of the support files, created on first use (the default location when none was chosen). */
  async realDir(): Promise<string> {
    const location = (await this.location()) ?? (await this.defaultLocation());
    const dir = this.host.realPath(location);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  private async expand(value: string): Promise<string> {
    const env = new Map(Object.entries(await this.host.environment()).map(([k, v]) => [k.toUpperCase(), v]));
    return value.replace(/%([A-Za-z_][A-Za-z0-9_()]*)%/g, (whole, name: string) => env.get(name.toUpperCase()) ?? whole);
  }
}

export class SupportFilesError extends Error {}
