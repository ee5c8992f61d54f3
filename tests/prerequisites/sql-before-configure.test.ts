import { describe, expect, it } from 'vitest';
import { afterConfigure, chosenSettings, rehearsalHost, resultOf } from './helpers';

// The settings of a second Async Server: its file names the message database the default scenario already holds.
const SECOND_SERVER = chosenSettings({ HQMessageDatabaseServerNamedInstanceName: 'SQLHQ01\\AX' });

describe('the SQL Server check before and after the database choice', () => {
  it('before Select a database… warns about what depends on the choice, so the user can reach the page that fixes it', async () => {
    const result = await resultOf('sql-server', rehearsalHost(), afterConfigure(SECOND_SERVER, { stage: 'before-configure' }));
    expect(result.status).toBe('warning');
    expect(result.details).toMatch(/AsyncServerMessageDB already exists on this server.*checked again after Select a database to use with Async Server/);
  });

  it('after the choice, creating a database that exists is an error; using it passes', async () => {
    const create = await resultOf('sql-server', rehearsalHost(), afterConfigure(SECOND_SERVER));
    expect(create.status).toBe('error');
    const existing = await resultOf(
      'sql-server',
      rehearsalHost(),
      afterConfigure(SECOND_SERVER, { database: { mode: 'existing', authentication: 'windows', sqlLogin: '', trustServerCertificate: false, partition: 'initial' } }),
    );
    expect(existing.status, existing.details).toBe('passed');
  });
});
