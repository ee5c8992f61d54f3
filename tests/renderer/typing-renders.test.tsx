// @vitest-environment happy-dom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement, type ComponentProps } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configurePage } from '../../renderer/component-pages/async-server/configure-page';
import type { LazyView } from '../../renderer/wizard/lazy-view';
import { Wizard } from '../../renderer/wizard/Wizard';
import { freshWizard } from './wizard-state';

/** Render counts by part: each Fluent field by its label, and the wizard frame's step list and buttons. */
const renders = vi.hoisted(() => new Map<string, number>());
const counted = vi.hoisted(() => (name: string) => renders.set(name, (renders.get(name) ?? 0) + 1));

vi.mock('@fluentui/react-components', async (importOriginal) => {
  const fluent = await importOriginal<typeof import('@fluentui/react-components')>();
  const { createElement, forwardRef } = await import('react');
  const Field = forwardRef<HTMLDivElement, ComponentProps<typeof fluent.Field>>((props, ref) => {
    counted(`field ${String(props.label)}`);
    return createElement(fluent.Field, { ...props, ref });
  });
  return { ...fluent, Field };
});
vi.mock('../../renderer/wizard/StepList', async (importOriginal) => {
  const { StepList } = await importOriginal<typeof import('../../renderer/wizard/StepList')>();
  const { createElement } = await import('react');
  return { StepList: () => (counted('step list'), createElement(StepList)) };
});
vi.mock('../../renderer/wizard/WizardButtons', async (importOriginal) => {
  const { WizardButtons } = await importOriginal<typeof import('../../renderer/wizard/WizardButtons')>();
  const { createElement } = await import('react');
  return { WizardButtons: () => (counted('buttons'), createElement(WizardButtons)) };
});

const OTHER_FIELDS = ['Application name', 'App pool name', 'Website name', 'AOS service user', 'TCP port (optional)', 'SSL certificate thumbprint'];

async function openConfigure() {
  freshWizard({ pageId: 'configure', history: ['support-files', 'installation-option', 'installation-type', 'components', 'prerequisites-before'] });
  await (configurePage.component as LazyView).preload();
  render(createElement(FluentProvider, { theme: webLightTheme }, createElement(Wizard)));
  await screen.findByRole('textbox', { name: 'HTTPS port' });
  renders.clear();
}

function type(label: string, value: string) {
  act(() => {
    fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });
  });
}

beforeEach(openConfigure);
afterEach(cleanup);

describe('typing in a field', () => {
  it('re-renders that field, not the other fields nor the wizard frame', () => {
    type('HTTPS port', '8443');
    expect(screen.getByRole('textbox', { name: 'HTTPS port' })).toHaveProperty('value', '8443');
    expect(renders.get('field HTTPS port')).toBeGreaterThan(0);
    for (const label of [...OTHER_FIELDS, 'User name', 'Password']) expect(renders.get(`field ${label}`), label).toBeUndefined();
    expect(renders.get('step list')).toBeUndefined();
    expect(renders.get('buttons')).toBeUndefined();
  });

  it('a wrong value shows its message under that field alone', () => {
    type('HTTPS port', '99999');
    expect(screen.getByText(/port/i, { selector: '[id*="validationMessage"], .fui-Field__validationMessage' })).toBeTruthy();
    for (const label of OTHER_FIELDS) expect(renders.get(`field ${label}`), label).toBeUndefined();
  });

  it('re-renders what depends on it: a built-in account disables the password', () => {
    type('User name', 'NT Authority\\Network Service');
    expect(renders.get('field Password')).toBeGreaterThan(0);
    expect(screen.getByText('Built-in accounts have no password.')).toBeTruthy();
    for (const label of [...OTHER_FIELDS, 'HTTPS port']) expect(renders.get(`field ${label}`), label).toBeUndefined();
    expect(renders.get('buttons')).toBeUndefined();
  });
});
