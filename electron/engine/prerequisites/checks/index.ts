import type { PrerequisiteCheck } from '../check';
import { accountsCheck } from './accounts';
import { appPoolPasswordCheck } from './app-pool-password';
import { certificateCheck } from './certificate';
import { certificateKeyCheck } from './certificate-key';
import { diskSpaceCheck } from './disk-space';
import { foldersCheck } from './folders';
import { iisRoleServicesCheck } from './iis';
import { payloadCheck } from './payload';
import { portsCheck } from './ports';
import { servicesCheck } from './services';
import { sqlServerCheck } from './sql-server';
import { dotNetCheck, elevatedCheck, executionPolicyCheck, operatingSystemCheck, pendingRebootCheck, setupRunningCheck, sqlcmdCheck } from './system';

/** Every prerequisite check, in the order reports list them. */
export const ALL_CHECKS: PrerequisiteCheck[] = [
  elevatedCheck,
  operatingSystemCheck,
  dotNetCheck,
  iisRoleServicesCheck,
  servicesCheck,
  sqlcmdCheck,
  executionPolicyCheck,
  portsCheck,
  certificateCheck,
  certificateKeyCheck,
  accountsCheck,
  appPoolPasswordCheck,
  sqlServerCheck,
  diskSpaceCheck,
  foldersCheck,
  payloadCheck,
  setupRunningCheck,
  pendingRebootCheck,
];
