import type { OptionKind, ParsedArgs } from './args';
import { optionalString } from './args';
import { createHost } from '../engine/hosts/create-host';
import type { Host } from '../engine/hosts/host';

/** The options every command that touches a computer shares. */
export const HOST_OPTIONS: Record<string, OptionKind> = {
  rehearsal: 'optional-string',
  sandbox: 'string',
};

export function hostFromArgs(args: ParsedArgs): Host {
  const rehearsal = args.options.rehearsal;
  return createHost({
    rehearsal: rehearsal === true ? true : optionalString(rehearsal),
    sandbox: optionalString(args.options.sandbox),
  });
}
