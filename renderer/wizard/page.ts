import type { ComponentType } from 'react';
import type { ComponentSettings } from '../../shared/components/component';
import type { WizardStore } from '../store/store';

export interface ReviewRow {
  label: string;
  value: string;
  /** The value as entered, shown beside the expanded one when tokens or %VAR% were expanded. */
  asEntered?: string;
}

export interface ReviewSection {
  title: string;
  rows: ReviewRow[];
}

/** A wizard page as a small object: the shell lays it out, walks the list, and builds the review from it. */
export interface WizardPage {
  id: string;
  /** Setup's page name: the heading, and the step in the list. */
  title: string;
  component: ComponentType;
  hidden?(state: WizardStore): boolean;
  /** The fields whose errors keep the user on this page. */
  fields?(state: WizardStore): string[];
  /** Work to do when Next is pressed (save a choice on the engine); a message keeps the user on the page. */
  beforeNext?(state: WizardStore): Promise<string | null>;
  /** True while something other than a field (a check, a running task) blocks Next. */
  blocked?(state: WizardStore): boolean;
  nextLabel?(state: WizardStore): string;
  /** This page's part of Ready to install. */
  review?(state: WizardStore, expanded: ComponentSettings | null): ReviewSection | null;
  /** The last page: no Next. */
  final?: boolean;
  /** Once the computer has been changed there is no going back to the pages that planned it. */
  noBack?: boolean;
}
