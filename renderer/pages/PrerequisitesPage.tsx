import { lazy } from 'react';
import { validationBlocks } from '../prerequisites/validation-store';
import type { WizardPage } from '../wizard/page';

const TITLE = 'Prerequisite validation results';

const BeforeConfiguring = lazy(() => import('./views/PrerequisitesPage.view').then((m) => ({ default: m.BeforeConfiguring })));
const AfterConfiguring = lazy(() => import('./views/PrerequisitesPage.view').then((m) => ({ default: m.AfterConfiguring })));
const ValidateOnly = lazy(() => import('./views/PrerequisitesPage.view').then((m) => ({ default: m.ValidateOnly })));

/** Page 5: before configuring. */
export const prerequisitesBeforePage: WizardPage = {
  id: 'prerequisites-before',
  title: TITLE,
  component: BeforeConfiguring,
  hidden: (s) => s.choices.option !== 'components',
  blocked: () => validationBlocks('before-configure'),
};

/** Validate prerequisites only (support staff): the same checks, and the wizard ends here. */
export const prerequisitesOnlyPage: WizardPage = {
  id: 'prerequisites-only',
  title: TITLE,
  component: ValidateOnly,
  hidden: (s) => s.choices.option !== 'validate-only',
  final: true,
};

/** Page 8: after Select a database, with the choices. */
export const prerequisitesAfterPage: WizardPage = {
  id: 'prerequisites-after',
  title: TITLE,
  component: AfterConfiguring,
  hidden: (s) => s.choices.option !== 'components',
  blocked: () => validationBlocks('after-configure'),
};
