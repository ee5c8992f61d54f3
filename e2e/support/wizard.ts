import { expect } from '@playwright/test';
import { WizardDriver } from './driver';
import { GOOD, type Entries } from './entries';
import { configure } from './pages/configure';
import { database } from './pages/database';
import { reachPage } from './step-graph';

export { WizardDriver } from './driver';
export { GOOD, type Entries } from './entries';
export { reachPage, STEPS, type PageId } from './step-graph';

/** From the first page to Configure Async Server with the defaults. */
export async function walkToConfigure(w: WizardDriver) {
  await reachPage(w, 'configure');
}

export async function fillConfigure(w: WizardDriver, values: Entries = GOOD) {
  await configure.fill(w, values);
}

export async function fillDatabase(w: WizardDriver, values: Entries = GOOD) {
  await database.fill(w, values);
}

/** A Prerequisite validation results page: wait for the checks, then Next (enabled only when no error remains). */
export async function passPrerequisites(w: WizardDriver) {
  await w.expectPage('Prerequisite validation results');
  await expect(w.page.getByRole('status').filter({ hasText: /\d+ passed, / })).toBeVisible();
  await w.next();
}
