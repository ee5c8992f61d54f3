import { expect, type Page } from '@playwright/test';
import { WizardDriver } from './driver';
import { GOOD, type Entries } from './entries';
import { components } from './pages/components';
import { configure } from './pages/configure';
import { configureAsyncClient } from './pages/configure-async-client';
import { database } from './pages/database';
import { databaseAsyncClient } from './pages/database-async-client';
import { finish } from './pages/finish';
import { installationOption } from './pages/installation-option';
import { installationType } from './pages/installation-type';
import { installing } from './pages/installing';
import type { PageObject } from './pages/page-object';
import { prerequisites, prerequisitesAfterConfigure } from './pages/prerequisites';
import { ready } from './pages/ready';
import { supportFiles } from './pages/support-files';

/**
 * Every page the wizard can show, in the wizard's order: add a new page with ONE line here. A flow shows only some
 * of them (the support files page only the first time, prerequisites twice, no database page for files only), so
 * the walk reads the heading on screen and acts on whatever page that is.
 */
export const STEPS: PageObject[] = [
  supportFiles,
  installationOption,
  installationType,
  components,
  prerequisites,
  configure,
  database,
  configureAsyncClient,
  databaseAsyncClient,
  prerequisitesAfterConfigure,
  ready,
  installing,
  finish,
];

/** A page object's id (see STEPS). */
export type PageId = string;

export interface ReachOptions {
  /** Overrides of the valid entries (GOOD) that the pages on the way are filled with. */
  entries?: Partial<Entries>;
  /** Runs on every page the walk arrives at, the target included (an accessibility scan, a focus check…). */
  visit?(step: PageObject, w: WizardDriver): Promise<void>;
}

export function stepById(id: string): PageObject {
  const step = STEPS.find((s) => s.id === id);
  if (!step) throw new Error(`No page object has the id "${id}"; the known ones are ${STEPS.map((s) => s.id).join(', ')}.`);
  return step;
}

/**
 * The page object for the heading on screen. Two pages may share a heading (prerequisites are validated twice): the
 * walk only moves forward, so the first one at or after the page it came from is meant.
 */
async function currentStep(w: WizardDriver, from: number): Promise<PageObject> {
  await expect(w.heading()).toBeVisible();
  const text = (await w.heading().textContent())?.trim() ?? '';
  const matches = STEPS.filter((s) => s.heading === text);
  if (matches.length === 0) throw new Error(`The wizard shows "${text}", which no page object knows: add it to STEPS in e2e/support/step-graph.ts.`);
  return matches.find((s) => STEPS.indexOf(s) >= from) ?? matches[0];
}

/** Leaves a page forward and waits for the next heading; a page that keeps the user shows why. */
export async function passPage(w: WizardDriver, step: PageObject, entries: Entries): Promise<void> {
  if (step.pass) await step.pass(w, entries);
  else {
    await step.fill(w, entries);
    await w.next();
  }
  await expect
    .poll(
      async () => {
        if (((await w.heading().textContent()) ?? '').trim() !== step.heading) return 'moved on';
        const alerts = await w.page.getByRole('alert').allTextContents();
        return alerts.length > 0 ? `kept on the page: ${alerts.join(' ')}` : 'still on the page';
      },
      { message: `Leaving "${step.heading}"` },
    )
    .toBe('moved on');
}

/**
 * From wherever the wizard is to the page `target`, filling every page on the way with valid entries (or the
 * given ones), as a user would. Fails, naming both pages, when the flow goes past the target without showing it.
 */
export async function reachPage(driver: WizardDriver | Page, target: PageId, options: ReachOptions = {}): Promise<WizardDriver> {
  const w = driver instanceof WizardDriver ? driver : new WizardDriver(driver);
  const entries = { ...GOOD, ...options.entries };
  const targetIndex = STEPS.indexOf(stepById(target));
  let from = 0;
  for (let hops = 0; hops <= STEPS.length * 2; hops++) {
    const step = await currentStep(w, from);
    from = STEPS.indexOf(step);
    await w.expectPage(step.heading);
    await options.visit?.(step, w);
    if (step.id === target) return w;
    if (STEPS.indexOf(step) > targetIndex) {
      throw new Error(`This flow does not show "${stepById(target).heading}": the wizard went on to "${step.heading}".`);
    }
    await passPage(w, step, entries);
  }
  throw new Error(`The wizard did not reach "${stepById(target).heading}" after ${STEPS.length * 2} pages.`);
}
