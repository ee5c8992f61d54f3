import type { RunKind, RunOutcome } from '../../../shared/contract/install-schemas';
import type { EventLogEntry } from '../hosts/machine/machine';

/** The Application log source every run writes under (registered by the first run on a computer). */
export const EVENT_SOURCE = 'CDX Setup';

const EVENTS: Record<RunOutcome, Pick<EventLogEntry, 'entryType' | 'eventId'>> = {
  installed: { entryType: 'Information', eventId: 1000 },
  unchanged: { entryType: 'Information', eventId: 1001 },
  uninstalled: { entryType: 'Information', eventId: 1002 },
  'rolled-back': { entryType: 'Warning', eventId: 1003 },
  cancelled: { entryType: 'Warning', eventId: 1004 },
  'rollback-failed': { entryType: 'Error', eventId: 1005 },
  'cannot-undo': { entryType: 'Error', eventId: 1006 },
  'not-found': { entryType: 'Error', eventId: 1007 },
  busy: { entryType: 'Warning', eventId: 1008 },
  refused: { entryType: 'Warning', eventId: 1009 },
};

/**
 * The one event a run leaves where Windows admins look first (Event Viewer, and what monitoring collects): its
 * outcome by event id, what happened in Setup's own words, and where the verbose log and the journal are.
 */
export function runEvent(run: { kind: RunKind; instance: string; runId: string; outcome: RunOutcome; message: string; logFile: string; journalFile: string }): EventLogEntry {
  return {
    source: EVENT_SOURCE,
    ...EVENTS[run.outcome],
    message: [run.message, '', `Run: ${run.kind} of ${run.instance} (${run.runId})`, `Log file: ${run.logFile}`, `Journal: ${run.journalFile}`].join('\r\n'),
  };
}
