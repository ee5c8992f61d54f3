import { z } from 'zod';
import { method } from '../define';
import { componentSettingsRequest } from '../component-settings';
import { DatabaseChoice } from '../schemas';

/**
 * The SQL Server to reach and how: the component's settings (their server fields), the page's choices, and the SQL
 * password beside them.
 */
const DatabaseRequest = componentSettingsRequest({
  database: DatabaseChoice,
  /** The SQL Server authentication password (or the Windows account's, for NTLM); never stored or logged. */
  sqlPassword: z.string().max(256).default(''),
});

export const MessageDatabaseInfo = z.object({
  name: z.string(),
  /** The partition it serves; null when no instance has registered yet. */
  partition: z.string().nullable(),
  instances: z.array(z.string()),
});
export type MessageDatabaseInfo = z.infer<typeof MessageDatabaseInfo>;

/** A database the server lists but that could not be read: whether it is a message database is not known. */
export const UnreadableDatabase = z.object({
  name: z.string(),
  /** Why, as a clause: "it is offline", "it is an availability group secondary replica that does not allow reads". */
  reason: z.string(),
});
export type UnreadableDatabase = z.infer<typeof UnreadableDatabase>;

const ServerReport = z.object({
  /** server or server\instance, as reached. */
  server: z.string(),
  canCreateDatabase: z.boolean(),
  /** Only the databases that carry the message database's mark. */
  messageDatabases: z.array(MessageDatabaseInfo),
  /** Databases that could not be read (offline, single-user, an unreadable secondary…): listed, not hidden. */
  unreadableDatabases: z.array(UnreadableDatabase),
  /** This installation's name as the message database records it: computer/website/application. */
  instance: z.string(),
  warnings: z.array(z.string()),
});

export const databaseMethods = {
  /** Test connection: signs in and lists the server's message databases. */
  'database.test': method(DatabaseRequest, ServerReport),
  /** The choice judged against the server: database present or creatable, and the partition rule. */
  'database.check': method(
    DatabaseRequest,
    ServerReport.extend({
      ok: z.boolean(),
      field: z.string().nullable(),
      message: z.string().nullable(),
      /** The message database the partition already uses, when the user should pick it instead. */
      suggestion: z.string().nullable(),
    }),
  ),
};
