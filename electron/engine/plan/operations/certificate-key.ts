import { describeKeyRights, grantsRead, KEY_READ_RULE } from '../../hosts/machine/key-rights';
import type { CertificateKey, KeyAccessRule } from '../../hosts/machine/machine';
import type { Operation, OperationContext, UndoKind } from '../operation';
import type { AccountReference } from './access';

/** The certificate whose key is meant, and the identity: the journal keeps them; the key file is found at run time. */
interface KeyTarget {
  thumbprint: string;
  store: string;
  identity: string;
  [key: string]: unknown;
}

/** The key file as it was found, and the identity's own rule on it then (null: it had none). */
interface KeyBefore {
  file: string | null;
  previous: KeyAccessRule | null;
  [key: string]: unknown;
}

/**
 * Undo gives the identity back the rule it had on the file the grant changed: none (the rule Setup added goes, the
 * other accounts' rules stay), or the one it had. A grant that found no key file changed nothing.
 */
export const certificateKeyUndo: UndoKind = {
  kind: 'certificate-key',
  async undo(ctx, target, before) {
    const { file, previous } = (before ?? { file: null, previous: null }) as KeyBefore;
    if (file === null) return;
    if (previous) await ctx.host.machine.writeKeyAccess(previous);
    else await ctx.host.machine.removeKeyAccess(file, String(target.identity));
  },
};

/** Why the key of a certificate cannot be given to anyone, in words for the log, the prerequisites and an error; null when it can. */
export function keyProblem(key: CertificateKey, certificate: string): string | null {
  switch (key.status) {
    case 'found':
      return key.aclReadable ? null : `The user running Setup cannot read the permissions of ${key.file}, the ${key.provider} key file of the private key of ${certificate}, so Setup cannot grant access to it.`;
    case 'file-missing':
      return `The private key of ${certificate} is a ${key.provider} key whose file ${key.file} is not on this computer (a key on a smart card, an HSM or a TPM, or one imported for a user instead of the local computer), so Setup cannot grant access to it.`;
    case 'not-located':
      return `The private key of ${certificate} is neither a CryptoAPI key nor, as this .NET Framework can see, a CNG key (CNG keys are found from .NET Framework 4.6 on), so Setup cannot find its file to grant access to it.`;
    case 'no-private-key':
      return `${certificate} has no private key in the store.`;
    case 'no-certificate':
      return `${certificate} is not in the store.`;
  }
}

/** What to do about a key problem: certlm.msc's Manage Private Keys, or the certificate imported again with its key. */
export function keyProblemFix(key: CertificateKey, store: string): string {
  if (key.status === 'not-located') return 'Install .NET Framework 4.6 or later, or import the certificate again from its PFX file with a CryptoAPI key (certutil -importpfx -csp "Microsoft RSA SChannel Cryptographic Provider").';
  const reimport = `import the certificate again from its PFX file into LocalMachine\\${store}, elevated, with its private key stored for the local computer (Import-PfxCertificate -CertStoreLocation Cert:\\LocalMachine\\${store})`;
  if (key.status === 'found') return `In certlm.msc open Certificates - Local Computer > ${store === 'My' ? 'Personal' : store} > Certificates, right-click the certificate, All Tasks > Manage Private Keys, and give Administrators Full control (signed in as the account that imported the key, which owns it); or ${reimport}.`;
  return `${reimport[0].toUpperCase()}${reimport.slice(1)}.`;
}

async function foundKey(ctx: OperationContext, t: KeyTarget): Promise<CertificateKey & { status: 'found' }> {
  const key = await ctx.host.machine.findCertificateKey(t.thumbprint, t.store);
  const problem = keyProblem(key, `the certificate ${t.thumbprint} in LocalMachine\\${t.store}`);
  if (key.status !== 'found' || problem) throw new Error(`${problem} ${keyProblemFix(key, t.store)}`);
  return key;
}

/**
 * Read on the private key of the HTTPS binding's certificate for the app pool identity: IIS's worker process opens
 * the key file as that identity, and without Read the site fails its TLS handshakes (a classic cause of a failing Async
 * Server). An identity that already has Read keeps its rule and the step is done; one with a rule without Read gets
 * Read added to it, and undo gives the rule back as it was.
 */
export function certificateKeyOperation(input: { thumbprint: string; store: string; certificate: string; account: AccountReference; why: string }): Operation {
  const identity = input.account.reference;
  const shown = input.account.written === identity ? identity : `${input.account.written} (${identity})`;
  const target: KeyTarget = { thumbprint: input.thumbprint, store: input.store, identity };
  return {
    // One id per key and account however the account is spelled: instances whose pools run as one account share the
    // rule, and uninstalling one of them keeps it for the others.
    id: `certificate-key:${input.thumbprint}:${identity.toLowerCase()}`,
    kind: certificateKeyUndo.kind,
    target,
    description: `Grant ${shown} Read permission on the private key of the certificate ${input.certificate} (${input.why})`,
    details: { thumbprint: input.thumbprint, store: `LocalMachine\\${input.store}`, certificate: input.certificate, identity, account: input.account.written, rights: 'Read' },
    async isDone(ctx) {
      const key = await ctx.host.machine.findCertificateKey(target.thumbprint, target.store);
      if (key.status !== 'found') return false;
      const rule = await ctx.host.machine.readKeyAccess(key.file, identity);
      return rule !== null && grantsRead(rule.rights);
    },
    async prepare(ctx) {
      const key = await ctx.host.machine.findCertificateKey(target.thumbprint, target.store);
      if (key.status !== 'found') return { file: null, previous: null } satisfies KeyBefore;
      return { file: key.file, previous: await ctx.host.machine.readKeyAccess(key.file, identity) } satisfies KeyBefore;
    },
    async apply(ctx) {
      const key = await foundKey(ctx, target);
      const previous = await ctx.host.machine.readKeyAccess(key.file, identity);
      const rights = previous ? previous.rights | KEY_READ_RULE : KEY_READ_RULE;
      if (previous) ctx.log('info', `    ${shown} has ${describeKeyRights(previous.rights)} on the key: Read is added to it.`);
      await ctx.host.machine.writeKeyAccess({ file: key.file, identity, rights });
      return { file: key.file, previous } satisfies KeyBefore;
    },
  };
}
