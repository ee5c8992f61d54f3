import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SimulatedSqlServer } from './sql-scenario';

/** The simulated servers as they are now, in `<sandbox>/state/sql.json`, so a test can compare before and after. */
export interface SqlState {
  servers: Record<string, ServerState>;
}

export interface ServerState {
  /** Windows logins on the server (created by a run or present from the scenario). */
  logins: string[];
  databases: DatabaseState[];
}

export interface DatabaseState {
  name: string;
  mark: { partition: string | null; instances: { instance: string; connectionServer: string }[] } | null;
  scripts: { id: string; checksum: string }[];
  users: { name: string; login: string; roles: string[] }[];
  /** Roles created in it (the fixed roles exist in every database and are not listed). */
  roles: { name: string; execute: boolean }[];
  /** The login that owns it: the one that created it, or the scenario's `owner`. */
  owner: string | null;
}

export function serverKey(name: string, instance: string): string {
  return (instance ? `${name}\\${instance}` : name).toLowerCase();
}

export class SqlStateFile {
  readonly file: string;

  constructor(
    stateRoot: string,
    private readonly servers: SimulatedSqlServer[],
  ) {
    this.file = path.join(stateRoot, 'sql.json');
  }

  read(): SqlState {
    if (!existsSync(this.file)) return this.initial();
    return JSON.parse(readFileSync(this.file, 'utf8')) as SqlState;
  }

  /** Read, change, write back: every change is on disk before the call returns. */
  update<T>(change: (state: SqlState) => T): T {
    const state = this.read();
    const result = change(state);
    const text = JSON.stringify(state, null, 2) + '\n';
    // Back to the scenario's own state (a rollback): no file, exactly as before the first change.
    if (text === JSON.stringify(this.initial(), null, 2) + '\n') {
      rmSync(this.file, { force: true });
      return result;
    }
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, this.file);
    return result;
  }

  /** The machine as the scenario describes it. */
  private initial(): SqlState {
    const servers: Record<string, ServerState> = {};
    for (const s of this.servers) {
      servers[serverKey(s.name, s.instance)] = {
        logins: [...s.logins],
        databases: s.databases.map((d) => ({
          name: d.name,
          mark: d.mark ? { partition: d.mark.partition, instances: d.mark.instances.map((instance) => ({ instance, connectionServer: s.name })) } : null,
          scripts: d.scripts.map((id) => ({ id, checksum: 'scenario' })),
          // A scenario's role members are users of their own, without a login of the scenario's.
          users: d.roles.flatMap((r) => r.members.map((m) => ({ name: m, login: m, roles: [r.name] }))),
          roles: d.roles.map((r) => ({ name: r.name, execute: r.execute })),
          owner: d.owner,
        })),
      };
    }
    return { servers };
  }
}
