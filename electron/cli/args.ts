import { levenshtein } from '../../shared/text/levenshtein';

/**
 * A small argument parser that knows the one shape util.parseArgs does not: an option whose value is optional,
 * as in `--rehearsal [SCENARIO]`.
 */
export type OptionKind = 'boolean' | 'string' | 'optional-string' | 'multiple';

export interface ParsedArgs {
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], spec: Record<string, OptionKind>): ParsedArgs {
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (/(^|-)(password|pwd|credential)$/i.test(name)) {
      const [file, variable] = /^sql-/i.test(name) ? ['--sql-credential-file', 'CDX_SETUP_SQL_PASSWORD'] : ['--credential-file', 'CDX_SETUP_PASSWORD'];
      throw new UsageError(`--${name} is not accepted: a password on a command line is visible to every user of the computer. Use ${file}, the ${variable} environment variable or the prompt.`);
    }
    const kind = spec[name];
    if (!kind) throw new UsageError(`Unknown option --${name}.${suggest(name, Object.keys(spec))}`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      options[name] = true;
    } else if (kind === 'optional-string') {
      const next = argv[i + 1];
      if (inline !== undefined) options[name] = inline;
      else if (next !== undefined && !next.startsWith('--')) options[name] = argv[++i];
      else options[name] = true;
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value.`);
      if (kind === 'multiple') options[name] = [...((options[name] as string[] | undefined) ?? []), value];
      else options[name] = value;
    }
  }
  return { options, positionals };
}

function suggest(name: string, known: string[]): string {
  const close = known.find((k) => k.toLowerCase() === name.toLowerCase() || levenshtein(k, name) <= 2);
  return close ? ` Did you mean --${close}?` : '';
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function portOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`--${name} must be a port number from 0 to 65535, not "${text}".`);
  return Number(text);
}
