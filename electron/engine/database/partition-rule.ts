import type { DatabaseChoice } from '../../../shared/contract/schemas';
import type { DatabaseInfo } from './sql-host';

/**
 * The guide's rule: one message database per partition, and every load-balanced instance of a partition uses the
 * same one. Judged on the server's list of databases, by the page, the prerequisite check and the plan alike.
 */
export interface ChoiceVerdict {
  ok: boolean;
  /** The field to correct: the database's name (its component's field) or the partition (database.partition); null when it is fine. */
  field: string | null;
  message: string | null;
  /** The database the user should pick instead: the one that already serves the partition. */
  suggestion: string | null;
}

const OK: ChoiceVerdict = { ok: true, field: null, message: null, suggestion: null };

/** `database`: the chosen name and the field it is entered in, which a verdict on the name points at. */
export function judgeDatabaseChoice(databases: DatabaseInfo[], mode: DatabaseChoice['mode'], database: { field: string; name: string }, partition: string, instance: string): ChoiceVerdict {
  const { field, name } = database;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const chosen = databases.find((d) => same(d.name, name));
  const serving = databases.find((d) => d.mark?.partition != null && same(d.mark.partition, partition) && !same(d.name, name));
  const users = (d: DatabaseInfo) => (d.mark && d.mark.instances.length > 0 ? ` (used by ${d.mark.instances.join(', ')})` : '');
  const steer = (d: DatabaseInfo): ChoiceVerdict => ({
    ok: false,
    field,
    message: `Partition ${partition} already has the message database ${d.name}${users(d)}. Every instance of a partition must use the same message database: choose Use an existing message database and select ${d.name}.`,
    suggestion: d.name,
  });

  if (mode === 'create') {
    // A re-run of the same installation finds its own database: nothing to refuse.
    if (chosen?.mark?.instances.includes(instance)) return OK;
    if (chosen) {
      const hint = chosen.mark ? ' It is a message database: choose Use an existing message database to use it.' : ' Choose another Database name.';
      return { ok: false, field, message: `A database named ${chosen.name} already exists on this server.${hint}`, suggestion: chosen.mark ? chosen.name : null };
    }
    return serving ? steer(serving) : OK;
  }

  if (!chosen) return { ok: false, field, message: `There is no database named ${name} on this server: select one of its message databases, or create a new one.`, suggestion: null };
  if (chosen.unreadable) {
    return {
      ok: false,
      field,
      message: `${chosen.name} cannot be read (${chosen.unreadable}), so whether it is a message database is not known. Make it readable for this account on this server, or select another message database.`,
      suggestion: null,
    };
  }
  if (!chosen.mark) {
    return {
      ok: false,
      field,
      message: `${chosen.name} is not an Async Server message database (it does not carry the message database's mark): select a message database, or create a new one.`,
      suggestion: null,
    };
  }
  const owner = chosen.mark.partition;
  if (owner !== null && !same(owner, partition)) {
    return {
      ok: false,
      field: 'database.partition',
      message: `${chosen.name} is the message database of partition ${owner}${users(chosen)}; each partition has its own message database, so partition ${partition} cannot use it.${serving ? ` Partition ${partition} uses ${serving.name}.` : ' Create a new message database for it.'}`,
      suggestion: serving?.name ?? null,
    };
  }
  return serving ? steer(serving) : OK;
}
