import type { DatabaseChoice } from '../../../../shared/contract/schemas';
import type { ClientSettings } from '../../../../shared/components/async-client/parameters';
import { sqlTargetOf, type SqlTarget } from '../../database/sql-target';

/**
 * Async Client's two databases, each with its own three fields (server, named instance, database name): a failure
 * on one names that database's fields. The plan and the prerequisite checks reach them through these alone.
 */
export function channelMessageDatabaseTarget(s: ClientSettings, choice: DatabaseChoice): SqlTarget {
  return sqlTargetOf(
    { field: 'ChannelMessageDatabaseServer', value: s.ChannelMessageDatabaseServer },
    { field: 'ChannelMessageDatabaseServerNamedInstanceName', value: s.ChannelMessageDatabaseServerNamedInstanceName },
    'ChannelMessageDatabaseName',
    choice,
  );
}

export function channelDatabaseTarget(s: ClientSettings, choice: DatabaseChoice): SqlTarget {
  return sqlTargetOf(
    { field: 'ChannelDatabaseServer', value: s.ChannelDatabaseServer },
    { field: 'ChannelDatabaseServerNamedInstanceName', value: s.ChannelDatabaseServerNamedInstanceName },
    'ChannelDatabaseName',
    choice,
  );
}
