import { z } from 'zod';
import { method } from '../define';
import { SessionInfo } from '../schemas';

export const sessionMethods = {
  'session.info': method(z.object({}), SessionInfo),
  /** Select a file location: the Setup support files (logs, journal, instance registry). */
  'supportFiles.choose': method(z.object({ location: z.string().min(1).max(260) }), z.object({ location: z.string() })),
  /** Cancel on the wizard: the Electron shell closes, the console says Setup was cancelled. */
  'session.quit': method(z.object({}), z.object({ closing: z.boolean() })),
};
