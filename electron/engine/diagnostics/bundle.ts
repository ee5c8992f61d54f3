import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectDiagnostics, type DiagnosticsInput } from './collect';
import type { BundleFacts } from './summary';
import { writeZip } from './zip';

/** The support bundle as bytes, and what its summary says. */
export async function makeSupportBundle(input: DiagnosticsInput): Promise<{ zip: Buffer; facts: BundleFacts }> {
  const { entries, facts } = await collectDiagnostics(input);
  return { zip: writeZip(entries), facts };
}

/** Written whole or not at all: a temporary file renamed over, so a half bundle is never sent. */
export function writeBundleFile(file: string, zip: Buffer): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(`${file}.partial`, zip);
  renameSync(`${file}.partial`, file);
}

export function bundleFileName(computerName: string, now: Date): string {
  return `cdx-setup-diagnostics-${computerName.replace(/[^A-Za-z0-9_-]/g, '_')}-${now.toISOString().replace(/[:.]/g, '-')}.zip`;
}
