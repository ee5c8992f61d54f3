import { asyncClientDefinition } from '../../../../shared/components/async-client/definition';
import { asClientSettings } from '../../../../shared/components/async-client/parameters';
import type { EngineComponent } from '../component';
import { planAsyncClient } from './plan';
import { asyncClientPrerequisites } from './prerequisites';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Async Client as the engine knows it: its plan, what two instances on one computer may not share, its gate. */
export const asyncClientComponent: EngineComponent = {
  definition: asyncClientDefinition,
  plan: planAsyncClient,
  collisions(raw, configure, others) {
    const mine = asClientSettings(raw);
    const problems: string[] = [];
    for (const { record, expanded } of others) {
      const o = asClientSettings(expanded);
      if (same(o.ServiceInstallFolder, mine.ServiceInstallFolder)) {
        problems.push(`The instance ${record.name} already uses the folder ${o.ServiceInstallFolder}: choose another ServiceInstallFolder.`);
      }
      if (!configure || !record.choices.configure) continue;
      if (same(o.ChannelDatabaseServer, mine.ChannelDatabaseServer) && same(o.ChannelDatabaseServerNamedInstanceName, mine.ChannelDatabaseServerNamedInstanceName) && same(o.ChannelDatabaseName, mine.ChannelDatabaseName)) {
        problems.push(`The instance ${record.name} already serves the channel database ${o.ChannelDatabaseName}: one Async Client per channel database.`);
      }
      if (same(o.ChannelMessageDatabaseServer, mine.ChannelMessageDatabaseServer) && same(o.ChannelMessageDatabaseServerNamedInstanceName, mine.ChannelMessageDatabaseServerNamedInstanceName) && same(o.ChannelMessageDatabaseName, mine.ChannelMessageDatabaseName)) {
        problems.push(`The instance ${record.name} already uses the message database ${o.ChannelMessageDatabaseName}: give each instance its own ChannelMessageDatabaseName.`);
      }
    }
    return problems;
  },
  undoKinds: [],
  prerequisites: asyncClientPrerequisites,
  // None of the frame's checks of the choices are Async Client's: page 8 shows its gate, as Install runs it.
  pageChecks: asyncClientPrerequisites,
  serverUrl: () => null,
  async summary(host, record) {
    const settings = asClientSettings(record.settings);
    const rows = [
      { label: 'Async Server URL', value: settings.SynchServiceHeadOfficeURL },
      { label: 'Channel database ID', value: settings.DataStoreName },
    ];
    if (!record.choices.configure) return [...rows, { label: 'Windows service', value: 'Not installed: only the files were placed (Configure Async Client by using Setup was cleared).' }];
    const name = settings.ServiceName.trim();
    const service = await host.machine.readInstalledService(name);
    return [
      ...rows,
      { label: 'Windows service', value: service ? `${name} (${service.displayName})` : `${name}: not found on this computer` },
      ...(service
        ? [
            { label: 'Service state', value: service.status },
            { label: 'Startup type', value: service.startType },
            { label: 'Log on as', value: service.account },
          ]
        : []),
    ];
  },
};
