import { PrerequisiteResults } from '../components/PrerequisiteResults';
import { validationBlocks } from '../prerequisites/validation-store';
import type { WizardPage } from '../wizard/page';

const TITLE = 'Prerequisite validation results';

function BeforeConfiguring() {
  return <PrerequisiteResults stage="before-configure" intro="Setup checked this computer for what Async Server needs. The checks that depend on your choices run again after you configure." />;
}

function AfterConfiguring() {
  return <PrerequisiteResults stage="after-configure" intro="Setup checked this computer again with your choices: the ports, the certificate, the accounts and the database server." />;
}

function ValidateOnly() {
  return <PrerequisiteResults stage="before-configure" intro="Setup checked this computer for what Async Server needs. Nothing is installed. Export the report to send it to whoever asked for it." />;
}

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
