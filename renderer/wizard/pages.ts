import { componentWizards } from '../component-pages/registry';
import { componentsPage } from '../pages/ComponentsPage';
import { finishPage } from '../pages/FinishPage';
import { installationOptionPage } from '../pages/InstallationOptionPage';
import { installationTypePage } from '../pages/InstallationTypePage';
import { prerequisitesAfterPage, prerequisitesBeforePage, prerequisitesOnlyPage } from '../pages/PrerequisitesPage';
import { installingPage } from '../pages/InstallingPage';
import { readyPage } from '../pages/ReadyPage';
import { supportFilesPage } from '../pages/SupportFilesPage';
import type { WizardStore } from '../store/store';
import type { WizardPage } from './page';

/**
 * The components' pages, in the registry's (Setup's) order: each shown only when its component is chosen, and not
 * when only the prerequisites are validated.
 */
function componentPages(): WizardPage[] {
  return componentWizards().flatMap((c) =>
    c.pages.map((page) => ({ ...page, hidden: (s: WizardStore) => !s.choices.components.includes(c.id) || s.choices.option === 'validate-only' || Boolean(page.hidden?.(s)) })),
  );
}

/** Setup's pages in order (DESIGN section 5); each page says itself when it is hidden. */
export const PAGES: WizardPage[] = [
  supportFilesPage,
  installationOptionPage,
  installationTypePage,
  componentsPage,
  prerequisitesBeforePage,
  prerequisitesOnlyPage,
  ...componentPages(),
  prerequisitesAfterPage,
  readyPage,
  installingPage,
  finishPage,
];

export function visiblePages(state: WizardStore): WizardPage[] {
  return PAGES.filter((p) => !p.hidden?.(state));
}

export function pageById(id: string): WizardPage {
  return PAGES.find((p) => p.id === id) ?? PAGES[0];
}

export function nextPage(state: WizardStore): WizardPage | null {
  const visible = visiblePages(state);
  const index = visible.findIndex((p) => p.id === state.pageId);
  return visible[index + 1] ?? null;
}

export function firstPage(state: WizardStore): WizardPage {
  return visiblePages(state)[0] ?? PAGES[0];
}
