import type { SiteBinding } from './machine';

/** One IIS binding is one protocol on one bindingInformation; IIS compares both without regard to case. */
export function sameBinding(a: Pick<SiteBinding, 'protocol' | 'bindingInformation'>, b: Pick<SiteBinding, 'protocol' | 'bindingInformation'>): boolean {
  return a.protocol.toLowerCase() === b.protocol.toLowerCase() && a.bindingInformation.toLowerCase() === b.bindingInformation.toLowerCase();
}
