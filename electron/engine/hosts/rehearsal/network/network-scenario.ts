import { z } from 'zod';
import { describeZodError } from '../../../../../shared/contract/describe-error';
import { ScenarioError } from '../scenario';

/**
 * The other computers a rehearsal reaches, from the scenario's `network` section: `names` is the resolver (host name
 * to address, as DNS or the hosts file would answer), `services` what listens at an address and port. A service with a
 * certificate is an HTTPS server (a web server such as IIS: its applications answer, other paths 404); one without is
 * a TCP listener (a NetTcp port).
 */
const Service = z
  .object({
    address: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    /** PEM files relative to the scenario file: the certificate the server presents and its key. */
    certificate: z.string().optional(),
    privateKey: z.string().optional(),
    /** Web application paths ("/AsyncServer"): a GET at or below one answers `status`, anything else 404. */
    applications: z.array(z.string().regex(/^\/[^?#]*$/, 'an application path starts with /')).default([]),
    /** What the applications answer: IIS's 403 for a folder without a default document, 503 for a stopped pool… */
    status: z.number().int().min(100).max(599).default(403),
  })
  .refine((s) => (s.certificate === undefined) === (s.privateKey === undefined), 'certificate and privateKey go together');
export type RehearsalService = z.infer<typeof Service>;

const NetworkSection = z.object({
  network: z
    .object({
      names: z.record(z.string(), z.string()).default({}),
      services: z.array(Service).default([]),
    })
    .default({ names: {}, services: [] }),
});
export type RehearsalNetworkSection = z.infer<typeof NetworkSection>['network'];

export function parseNetworkSection(file: string, raw: unknown): RehearsalNetworkSection {
  const parsed = NetworkSection.safeParse({ network: raw });
  if (!parsed.success) throw new ScenarioError(file, `has an invalid network section: ${describeZodError(parsed.error)}`);
  return parsed.data.network;
}
