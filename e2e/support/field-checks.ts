import { expect } from '@playwright/test';
import type { WizardDriver } from './driver';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A field's error as a screen reader meets it: the message is shown and announced (role alert), it describes the
 * input (aria-describedby), and the input is marked invalid.
 */
export async function expectFieldError(w: WizardDriver, label: string, message: string) {
  const input = w.field(label);
  await expect(w.page.getByText(message, { exact: true })).toBeVisible();
  await expect(w.page.getByRole('alert').filter({ has: w.page.getByText(message, { exact: true }) })).toHaveCount(1);
  await expect(input).toHaveAccessibleDescription(new RegExp(escape(message)));
  await expect(input).toHaveAttribute('aria-invalid', 'true');
}

/** A warning is described like an error but does not mark the input invalid. */
export async function expectFieldWarning(w: WizardDriver, label: string, message: string) {
  const input = w.field(label);
  await expect(input).toHaveAccessibleDescription(new RegExp(escape(message)));
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
}

export async function expectFieldValid(w: WizardDriver, label: string) {
  await expect(w.field(label)).not.toHaveAttribute('aria-invalid', 'true');
}

/** Next keeps the user on the page and the error summary is announced (role alert). */
export async function expectNextRefused(w: WizardDriver, heading: string) {
  await w.next();
  await expect(w.pageError()).toHaveText('Correct the fields marked in red before you continue.');
  await expect(w.heading()).toHaveText(heading);
}
