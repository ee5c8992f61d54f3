import { validationBlocks } from '../prerequisites/validation-store';
import type { WizardPage } from '../wizard/page';
import { lazyView } from '../wizard/lazy-view';

const TITLE = 'Prerequisite validation results';

const BeforeConfiguring = lazyView(() => import('./views/PrerequisitesPage.view').then((m) => m.BeforeConfiguring));
const AfterConfiguring = lazyView(() => import('./views/PrerequisitesPage.view').then((m) => m.AfterConfiguring));
/** Installing and Add or modify components validate; Validate prerequisites only has its own page. */
const installs = (option: string) => option === 'components' || option === 'modify';

const ValidateOnly = lazyView(() => import('./views/PrerequisitesPage.view').then((m) => m.ValidateOnly));

/** Page 5: before configuring. */
export const prerequisitesBeforePage: WizardPage = {
  id: 'prerequisites-before',
  title: TITLE,
  component: BeforeConfiguring,
  hidden: (s) => !installs(s.choices.option),
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
  hidden: (s) => !installs(s.choices.option),
  blocked: () => validationBlocks('after-configure'),
};
