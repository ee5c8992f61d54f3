import { MachineError, type Machine } from './machine';

const refuse = async (): Promise<never> => {
  throw new MachineError('This computer is not Windows: nothing can be installed here. Use --rehearsal to rehearse the installation.');
};

/** A computer that is neither Windows nor rehearsing: every change is refused with the way out. */
export const unsupportedMachine: Machine = {
  readAppPool: refuse,
  writeAppPool: refuse,
  removeAppPool: refuse,
  readSite: refuse,
  writeSite: refuse,
  removeSite: refuse,
  writeBinding: refuse,
  removeBinding: refuse,
  readApplication: refuse,
  writeApplication: refuse,
  removeApplication: refuse,
  readAccess: refuse,
  writeAccess: refuse,
  removeAccess: refuse,
  findCertificateKey: refuse,
  readKeyAccess: refuse,
  writeKeyAccess: refuse,
  removeKeyAccess: refuse,
  readFileAccess: refuse,
  restrictFileAccess: refuse,
  writeFileAccessSddl: refuse,
  readService: refuse,
  writeService: refuse,
  readInstalledService: refuse,
  writeInstalledService: refuse,
  removeInstalledService: refuse,
  readAccountRight: refuse,
  writeAccountRight: refuse,
  readFirewallRule: refuse,
  writeFirewallRule: refuse,
  removeFirewallRule: refuse,
  readProgramsEntry: refuse,
  writeProgramsEntry: refuse,
  removeProgramsEntry: refuse,
  writeEvent: refuse,
};
