import type { Settings } from '../../../../../shared/components/async-server/parameters';
import { loadPayload, type LoadedPayload } from '../../../payload/manifest';
import { notApplicable, type CheckContext, type CheckOutcome, type PrerequisiteCheck } from '../../../prerequisites/check';

/** Async Server's checks read its settings: the runner gives them as its `ComponentChecks.settings` reads them. */
export type AsyncServerCheck = PrerequisiteCheck<Settings>;
export type AsyncServerCheckContext = CheckContext<Settings>;

/** Checks of what Setup configures (IIS, ports, certificate, accounts, SQL) do not apply when only files are placed. */
export function filesOnly(ctx: AsyncServerCheckContext): CheckOutcome | null {
  return ctx.configure ? null : notApplicable('Configure Async Server by using Setup is cleared: only the application files are installed.');
}

/** The payload of WebApplicationServiceBinarySourceFolder, read once per run; null when none is set, an Error when it is invalid. */
export function asyncServerPayload(ctx: AsyncServerCheckContext): Promise<LoadedPayload | Error | null> {
  return ctx.once('payload', () => payloadOf(ctx, ctx.expanded.WebApplicationServiceBinarySourceFolder));
}

async function payloadOf(ctx: AsyncServerCheckContext, folder: string): Promise<LoadedPayload | Error | null> {
  if (folder.trim() === '') return null;
  try {
    return await loadPayload(ctx.host.realPath(folder.trim()));
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
