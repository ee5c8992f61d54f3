import { cpSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { describeZodError } from '../../../../shared/contract/describe-error';
import { shippedPayloadRoot } from '../../payload/default-payload';
import { windowsPathUnder } from '../windows-paths';
import { ScenarioError } from './scenario';

/**
 * The scenario's `payloadFolders` section: Windows folders that hold the Async Server payload on the simulated
 * server, as Setup's "extract installation files" step leaves it on a real one (the guide's default is
 * `C:\Program Files (x86)\Microsoft Dynamics AX\60\CDX\Async Server\6.3`). A settings file written for a real
 * server names such a folder as WebApplicationServiceBinarySourceFolder.
 */
const PayloadFolder = z
  .string()
  .refine((p) => /^[A-Za-z]:\\/.test(p.trim()), { message: 'must be a full Windows path such as C:\\Program Files (x86)\\…' })
  .refine((p) => !p.split(/[\\/]+/).includes('..'), { message: 'cannot contain ".."' });

export function parsePayloadFolders(file: string, raw: unknown[]): string[] {
  const parsed = z.array(PayloadFolder).safeParse(raw);
  if (!parsed.success) throw new ScenarioError(file, `has an invalid "payloadFolders" section: ${describeZodError(parsed.error)}`);
  return parsed.data.map((p) => p.trim());
}

/**
 * Copies the shipped sample payload into each folder the sandbox does not have yet; a folder already there (a test
 * that emptied or broke it on purpose) is left as it is.
 */
export function seedPayloadFolders(drivesRoot: string, folders: string[], source: string = shippedPayloadRoot()): void {
  for (const folder of folders) {
    const target = windowsPathUnder(drivesRoot, folder);
    if (!existsSync(target)) cpSync(source, target, { recursive: true });
  }
}
