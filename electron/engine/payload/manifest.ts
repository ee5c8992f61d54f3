import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../../../shared/contract/describe-error';
import { GRANTABLE_ROLES } from '../database/database-roles';

/**
 * The payload folder (WebApplicationServiceBinarySourceFolder) carries a manifest.json: what a component installs,
 * file by file, and its message database scripts in the order they must run.
 */
export const PayloadManifest = z.object({
  component: z.literal('async-server'),
  version: z.string().regex(/^\d+(\.\d+){1,3}$/),
  /** Files relative to the payload folder, copied to WebApplicationWorkingFolder. */
  files: z.array(z.object({ path: z.string().min(1), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  database: z
    .object({
      /** Run in this order; each is recorded in the database once applied, so a re-run skips it. */
      scripts: z.array(z.object({ id: z.string().min(1), path: z.string().min(1) })),
      /** Database roles granted to the app pool identity and to the AOS service user (db_executor is created when missing). */
      roles: z.object({ appPoolUser: z.array(z.enum(GRANTABLE_ROLES)), aosServiceUser: z.array(z.enum(GRANTABLE_ROLES)) }),
    })
    .default({ scripts: [], roles: { appPoolUser: [], aosServiceUser: [] } }),
  /** The Retail Salt Utility's files, relative to the payload folder. */
  saltUtility: z.object({ files: z.array(z.string()) }).default({ files: [] }),
});
export type PayloadManifest = z.infer<typeof PayloadManifest>;

export interface LoadedPayload {
  root: string;
  manifest: PayloadManifest;
}

export class PayloadError extends Error {}

export async function loadPayload(root: string): Promise<LoadedPayload> {
  const file = path.join(root, 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new PayloadError(`The payload folder ${root} has no readable manifest.json (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new PayloadError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = PayloadManifest.safeParse(raw);
  if (!parsed.success) throw new PayloadError(`${file} is not a valid payload manifest: ${describeZodError(parsed.error)}`);
  return { root, manifest: parsed.data };
}
