import { z } from 'zod';
import { COMPONENT_IDS } from '../components/ids';

export const ComponentId = z.enum(COMPONENT_IDS);
export type ComponentId = z.infer<typeof ComponentId>;

export const InstallationOption = z.enum(['components', 'validate-only', 'modify']);
export type InstallationOption = z.infer<typeof InstallationOption>;

export const DatabaseChoice = z.object({
  mode: z.enum(['create', 'existing']),
  authentication: z.enum(['windows', 'sql']),
  /** SQL authentication login; its password travels beside, never in here. */
  sqlLogin: z.string().max(128).default(''),
  trustServerCertificate: z.boolean().default(false),
  /** The Microsoft Dynamics AX partition this message database serves (one message database per partition). */
  partition: z.string().max(64).default('initial'),
});
export type DatabaseChoice = z.infer<typeof DatabaseChoice>;

/** What the wizard pages decide besides the settings file's parameters. */
export const SetupChoices = z.object({
  option: InstallationOption,
  installationType: z.literal('custom'),
  components: z.array(ComponentId).min(1),
  /** "Configure Async Server by using Setup": when cleared, only the application files are installed. */
  configure: z.boolean(),
  database: DatabaseChoice,
  /** Async Client: streaming over the NetTcp port instead of WS-ReliableMessaging (the default). */
  streaming: z.boolean().optional(),
});
export type SetupChoices = z.infer<typeof SetupChoices>;

export const FieldIssueSchema = z.object({
  field: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const CertificateInfo = z.object({
  thumbprint: z.string(),
  subject: z.string(),
  issuer: z.string(),
  friendlyName: z.string().default(''),
  notBefore: z.string(),
  notAfter: z.string(),
  hasPrivateKey: z.boolean(),
  expired: z.boolean(),
  serverAuthentication: z.boolean(),
  selfSigned: z.boolean(),
  dnsNames: z.array(z.string()).default([]),
});
export type CertificateInfo = z.infer<typeof CertificateInfo>;

export const HostKind = z.enum(['windows', 'rehearsal', 'unsupported']);
export type HostKind = z.infer<typeof HostKind>;

export const SessionInfo = z.object({
  toolVersion: z.string(),
  host: z.object({
    kind: HostKind,
    computerName: z.string(),
    description: z.string(),
    /** Set when the host is a rehearsal: the scenario simulated, shown in a banner. */
    rehearsal: z.object({ scenario: z.string(), sandboxRoot: z.string() }).nullable(),
  }),
  /** Where logs, the journal and the instance registry live; null until chosen (Select a file location). */
  supportFilesLocation: z.string().nullable(),
  defaultSupportFilesLocation: z.string(),
  /** Whether the shell can close itself (Electron) or stays open (web console). */
  canQuit: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
