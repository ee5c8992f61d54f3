import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeZodError } from '../../../shared/contract/describe-error';
import { COMPONENT_IDS } from '../../../shared/components/ids';
import { GRANTABLE_ROLES } from '../database/database-roles';
import { ConfigFileError, readConfigValues } from '../app-config/config-file';
import { NodePathError, parseNodePath } from '../app-config/node-path';
import { DPAPI_LOCAL_MACHINE } from '../hosts/data-protection';


const NodeLocation = z.string().transform((text, ctx) => {
  try {
    return parseNodePath(text);
  } catch (err) {
    if (!(err instanceof NodePathError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.message });
    return z.NEVER;
  }
});

/** A password kept in an appSettings value, encrypted so that only the computer it is installed on can read it. */
const ProtectedSetting = z.object({
  appSetting: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.:-]*$/, 'an appSettings key: letters, digits, _ . : -'),
  protection: z.literal(DPAPI_LOCAL_MACHINE),
});

/**
 * The payload folder (WebApplicationServiceBinarySourceFolder) carries a manifest.json: what a component installs,
 * file by file, and its message database scripts in the order they must run.
 */
export const PayloadManifest = z.object({
  component: z.enum(COMPONENT_IDS),
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
  /**
   * The application's configuration file (one of `files`) and the values Setup writes into it, each at one XML
   * attribute; the rest of the file is installed as the payload has it.
   */
  configuration: z
    .object({
      file: z.string().min(1),
      values: z.array(z.object({ label: z.string().min(1), location: NodeLocation, /** What it is written from, as the component names it (its connection string, one of its parameters). */
source: z.string().min(1) })).min(1),
    })
    .optional(),
  /** A component that runs as a Windows service (Async Client): the file, relative to the payload folder, it runs. */
  service: z
    .object({
      executable: z.string().min(1),
      /**
       * Where and how the service reads each password Setup is given for it, in its configuration file
       * (`<executable>.config`): the appSettings key, and the protection the service undoes to read it. The product's
       * own format is not documented to us: a payload declares what its service reads.
       */
      secrets: z.object({ connectionPassword: ProtectedSetting }).partial().strict().optional(),
    })
    .optional(),
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
  const config = parsed.data.configuration;
  if (config) {
    if (!parsed.data.files.some((f) => f.path === config.file)) throw new PayloadError(`${file} names the configuration file ${config.file}, which is not one of its files.`);
    // Every node Setup writes must be in the shipped file, once: found now, not halfway through an installation.
    const configFile = path.join(root, ...config.file.split('/'));
    const bytes = await readFile(configFile).catch(() => null);
    if (bytes !== null) {
      try {
        readConfigValues(bytes, configFile, config.values.map((v) => v.location));
      } catch (err) {
        if (err instanceof ConfigFileError) throw new PayloadError(`The payload's configuration file does not have what its manifest names: ${err.message}`);
        throw err;
      }
    }
  }
  return { root, manifest: parsed.data };
}
