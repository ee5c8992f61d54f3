import { z } from 'zod';
import { method } from '../define';
import { CertificateInfo } from '../schemas';

export const certificateMethods = {
  /** The certificates of a store, for the SSL certificate thumbprint picker. */
  'certificates.list': method(
    z.object({ rootStore: z.enum(['LocalMachine', 'CurrentUser']), store: z.string().min(1).max(64) }),
    z.object({ certificates: z.array(CertificateInfo) }),
  ),
};
