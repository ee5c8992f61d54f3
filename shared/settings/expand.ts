import { PARAMETER_NAMES, type ParameterName, type Settings } from './parameters';

/** `[Name]` refers to another parameter; `%VAR%` to a Windows environment variable of the target computer. */
const TOKEN = /\[([A-Za-z]+)\]/g;
const ENV_REF = /%([A-Za-z_][A-Za-z0-9_()]*)%/g;

export interface ExpansionProblem {
  field: ParameterName;
  message: string;
}

export interface Expansion {
  expanded: Settings;
  problems: ExpansionProblem[];
}

/**
 * Expands tokens and environment references the way the plan uses them. Environment names are case-insensitive,
 * as on Windows; parameter tokens are case-sensitive, as the deploy script's are.
 */
export function expandSettings(settings: Settings, environment: Record<string, string>): Expansion {
  const problems: ExpansionProblem[] = [];
  const env = new Map(Object.entries(environment).map(([k, v]) => [k.toUpperCase(), v]));
  const done = new Map<ParameterName, string>();

  const expandOne = (name: ParameterName, chain: ParameterName[]): string => {
    const known = done.get(name);
    if (known !== undefined) return known;
    if (chain.includes(name)) {
      problems.push({ field: chain[0], message: `${chain[0]} refers to itself through ${[...chain, name].join(' → ')}.` });
      return '';
    }
    const withTokens = settings[name].replace(TOKEN, (whole, ref: string) => {
      if (!(PARAMETER_NAMES as readonly string[]).includes(ref)) {
        problems.push({ field: name, message: `${name} refers to [${ref}], which is not a parameter.` });
        return whole;
      }
      return expandOne(ref as ParameterName, [...chain, name]);
    });
    const value = withTokens.replace(ENV_REF, (whole, variable: string) => {
      const resolved = env.get(variable.toUpperCase());
      if (resolved === undefined) {
        problems.push({ field: name, message: `${name} uses %${variable}%, which is not set on the target computer.` });
        return whole;
      }
      return resolved;
    });
    done.set(name, value);
    return value;
  };

  const expanded = Object.fromEntries(PARAMETER_NAMES.map((n) => [n, expandOne(n, [])])) as Settings;
  return { expanded, problems: dedupe(problems) };
}

function dedupe(problems: ExpansionProblem[]): ExpansionProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function hasTokens(value: string): boolean {
  return /\[[A-Za-z]+\]|%[A-Za-z_][A-Za-z0-9_()]*%/.test(value);
}
