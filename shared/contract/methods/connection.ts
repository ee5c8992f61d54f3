import { z } from 'zod';
import { method } from '../define';

/**
 * Test connection to a service by its HTTPS URL (Async Client's Async Server URL): what can be proven without the
 * service's own contract. No user name or password is part of the request: none of the steps needs one.
 */
export const ConnectionTestRequest = z.object({
  /** https://<server name>:port/<web application name>. */
  url: z.string().trim().min(1, 'enter the URL').max(2048),
  /** The NetTcp port, when the client streams over it; null when it uses WS-ReliableMessaging over HTTPS only. */
  netTcpPort: z.number().int().min(1).max(65535).nullable().default(null),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
});
export type ConnectionTestRequest = z.infer<typeof ConnectionTestRequest>;

export const CONNECTION_STEP_IDS = ['name-resolves', 'https-port', 'certificate-trusted', 'certificate-name', 'application-path', 'nettcp-port'] as const;
export const ConnectionStepId = z.enum(CONNECTION_STEP_IDS);
export type ConnectionStepId = z.infer<typeof ConnectionStepId>;

export const ConnectionStep = z.object({
  id: ConnectionStepId,
  /** The step as the list shows it: "The name cdx-hq01.contoso.com resolves". */
  name: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  /** What was found, as a sentence. */
  message: z.string(),
  /** What to do about a failure; null when passed (or skipped for a reason that is not the user's to fix). */
  fix: z.string().nullable(),
});
export type ConnectionStep = z.infer<typeof ConnectionStep>;

/** The certificate the server presented, as Windows' certificate dialog names it. */
export const PresentedCertificate = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** SHA-1 of the DER encoding, as Windows shows it. */
  thumbprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  dnsNames: z.array(z.string()),
  selfSigned: z.boolean(),
  /** The certificate itself (PEM), for the user to import where the fix says. */
  pem: z.string(),
});
export type PresentedCertificate = z.infer<typeof PresentedCertificate>;

export const ConnectionReport = z.object({
  url: z.string(),
  /** True when no step failed. */
  ok: z.boolean(),
  steps: z.array(ConnectionStep),
  certificate: PresentedCertificate.nullable(),
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;

export const connectionMethods = {
  /** Test connection: name, HTTPS port, certificate, application path and NetTcp port, each step named. */
  'connection.test': method(ConnectionTestRequest, ConnectionReport),
};
