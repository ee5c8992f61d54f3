import { describe, expect, it } from 'vitest';
import { channelDatabaseTarget, channelMessageDatabaseTarget } from '../../../electron/engine/components/async-client/database-targets';
import { CHANNEL_SYNC_ROLE } from '../../../electron/engine/components/async-client/plan';
import type { ClientSettings } from '../../../shared/components/async-client/parameters';
import { DEFAULT_DATABASE_CHOICE } from '../../../shared/settings/install-defaults';
import { rehearsalEngine, rehearsalHost } from '../../support/rehearsal';
import { clientSettings } from './helpers';

/**
 * A failure on one of Async Client's databases names that database's own fields (ChannelMessageDatabase…,
 * ChannelDatabase…), never Async Server's HQMessageDatabase…: the frame's database code is told them by the component.
 */
const choice = DEFAULT_DATABASE_CHOICE;
const store = (patch: Partial<ClientSettings> = {}) => clientSettings({ ServiceUser: 'STORE01\\svc-cdx', ...patch });

describe("the failures on Async Client's databases name its fields", () => {
  it('a missing database names the Database name field of the database it is', async () => {
    const host = rehearsalHost('store');
    const settings = store({ ChannelDatabaseName: 'NoSuchChannel', ChannelMessageDatabaseName: 'NoSuchMessages' });
    const channel = await host.sql.connect(channelDatabaseTarget(settings, choice), undefined);
    await expect(channel.roleState('NoSuchChannel', CHANNEL_SYNC_ROLE)).rejects.toMatchObject({ kind: 'database-missing', field: 'ChannelDatabaseName' });
    await channel.close();
    const message = await host.sql.connect(channelMessageDatabaseTarget(settings, choice), undefined);
    await expect(message.principal('NoSuchMessages', 'STORE01\\svc-cdx')).rejects.toMatchObject({ kind: 'database-missing', field: 'ChannelMessageDatabaseName' });
    await message.close();
  });

  it('a database that already exists names the Database name field of the database it is', async () => {
    const host = rehearsalHost('store');
    const settings = store({ ChannelMessageDatabaseName: 'RetailChannelDatabase2' });
    const message = await host.sql.connect(channelMessageDatabaseTarget(settings, choice), undefined);
    await expect(message.createDatabase('RetailChannelDatabase2')).rejects.toMatchObject({ kind: 'database-exists', field: 'ChannelMessageDatabaseName' });
    await message.close();
    const channel = await host.sql.connect(channelDatabaseTarget(settings, choice), undefined);
    await expect(channel.createDatabase('RetailChannelDatabase')).rejects.toMatchObject({ kind: 'database-exists', field: 'ChannelDatabaseName' });
    await channel.close();
  });

  it('a named instance that is not there names the Named instance field of the database it is', async () => {
    const host = rehearsalHost('store');
    const settings = store({ ChannelMessageDatabaseServerNamedInstanceName: 'STORE01\\NOPE', ChannelDatabaseServerNamedInstanceName: 'STORE01\\NOPE' });
    await expect(host.sql.connect(channelMessageDatabaseTarget(settings, choice), undefined)).rejects.toMatchObject({
      kind: 'instance-not-found',
      field: 'ChannelMessageDatabaseServerNamedInstanceName',
    });
    await expect(host.sql.connect(channelDatabaseTarget(settings, choice), undefined)).rejects.toMatchObject({ kind: 'instance-not-found', field: 'ChannelDatabaseServerNamedInstanceName' });
  });

  it("Test connection says to check the Named instance when the server named there is not found (not the Server name, which is not used then)", async () => {
    const { engine } = rehearsalEngine('store');
    for (const [check, field] of [
      ['message-database-server', 'ChannelMessageDatabaseServerNamedInstanceName'],
      ['channel-database', 'ChannelDatabaseServerNamedInstanceName'],
    ] as const) {
      const r = await engine.dispatch('prerequisites.check', { component: 'async-client', settings: store({ [field]: 'STORE02' }), check, database: choice });
      expect(r, check).toMatchObject({ ok: true, value: { result: { id: check, status: 'error', details: 'The server STORE02 was not found on the network. Check the Named instance.' } } });
    }
    // The Server name, when no named instance is entered, is named as such.
    const r = await engine.dispatch('prerequisites.check', { component: 'async-client', settings: store({ ChannelDatabaseServer: 'STORE02' }), check: 'channel-database', database: choice });
    expect(r).toMatchObject({ ok: true, value: { result: { status: 'error', details: 'The server STORE02 was not found on the network. Check the Server name.' } } });
  });
});
