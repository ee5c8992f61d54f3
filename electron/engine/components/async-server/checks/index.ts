import type { PrerequisiteCheck } from '../../../prerequisites/check';
import { dotNetCheck, executionPolicyCheck, pendingRebootCheck, setupRunningCheck, sqlcmdCheck } from '../../../prerequisites/checks/system';
import { accountsCheck } from './accounts';
import { appPoolPasswordCheck } from './app-pool-password';
import { certificateCheck } from './certificate';
import { certificateKeyCheck } from './certificate-key';
import { elevatedCheck, operatingSystemCheck } from './computer';
import { diskSpaceCheck } from './disk-space';
import { foldersCheck } from './folders';
import { iisRoleServicesCheck } from './iis';
import { payloadCheck } from './payload';
import { portsCheck } from './ports';
import { servicesCheck } from './services';
import { sqlServerCheck } from './sql-server';

/** Async Server's prerequisite checks, the frame's checks of the computer among them, in the order its reports list them. */
export const ASYNC_SERVER_CHECKS: readonly PrerequisiteCheck[] = [
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
