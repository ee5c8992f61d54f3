/**
 * The seam to the database feature. The SQL Server check asks this probe when one is wired; without it the check
 * says plainly that SQL Server was not checked. The probe receives no password: it connects with Windows
 * authentication, or with the SQL login's password that the database feature keeps on its own side.
 */
export interface SqlProbeRequest {
  /** server or server\instance, as the guide writes it. */
  instance: string;
  database: string;
  mode: 'create' | 'existing';
  authentication: 'windows' | 'sql';
  sqlLogin: string;
}

export type SqlProbeAnswer =
  | { reachable: false; message: string }
  | { reachable: true; version: string; databaseExists: boolean; canCreateDatabase: boolean; canUseDatabase: boolean };

export interface SqlPrerequisiteProbe {
  probe(request: SqlProbeRequest): Promise<SqlProbeAnswer>;
}
