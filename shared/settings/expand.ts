/** `[Name]` refers to another parameter; `%VAR%` to a Windows environment variable of the target computer. */
const TOKEN = /\[([A-Za-z]+)\]/g;
const ENV_REF = /%([A-Za-z_][A-Za-z0-9_()]*)%/g;

export interface ExpansionProblem {
  field: string;
  message: string;
}

export interface Expansion<S extends Record<string, string>> {
  expanded: S;
  problems: ExpansionProblem[];
}

/**
 * Expands tokens and environment references the way the plan uses them. Environment names are case-insensitive,
 * as on Windows; parameter tokens are case-sensitive, as the deploy script's are.
 */
export function expandSettings<S extends Record<string, string>>(settings: S, environment: Record<string, string>): Expansion<S> {
  // The parameters are the component's, as its settings hold them (each component's table, whole).
  const names = Object.keys(settings);
  const problems: ExpansionProblem[] = [];
  const env = new Map(Object.entries(environment).map(([k, v]) => [k.toUpperCase(), v]));
  const done = new Map<string, string>();

  const expandOne = (name: string, chain: string[]): string => {
    const known = done.get(name);
    if (known !== undefined) return known;
    if (chain.includes(name)) {
      problems.push({ field: chain[0], message: `${chain[0]} refers to itself through ${[...chain, name].join(' → ')}.` });
      return '';
    }
    const withTokens = settings[name].replace(TOKEN, (whole, ref: string) => {
      if (!names.includes(ref)) {
        problems.push({ field: name, message: `${name} refers to [${ref}], which is not a parameter.` });
        return whole;
      }
      return expandOne(ref, [...chain, name]);
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

  const expanded = Object.fromEntries(names.map((n) => [n, expandOne(n, [])])) as S;
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
