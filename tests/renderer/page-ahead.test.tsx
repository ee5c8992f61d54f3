// @vitest-environment happy-dom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement, type ComponentProps } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configurePage } from '../../renderer/component-pages/async-server/configure-page';
import { databasePage } from '../../renderer/component-pages/async-server/database-page';
import { useWizard } from '../../renderer/store/store';
import type { LazyView } from '../../renderer/wizard/lazy-view';
import { useLaterViews } from '../../renderer/wizard/preload-views';
import { Wizard } from '../../renderer/wizard/Wizard';
import { freshWizard } from './wizard-state';

/** Render counts of each Fluent field, by its label. */
const renders = vi.hoisted(() => new Map<string, number>());

vi.mock('@fluentui/react-components', async (importOriginal) => {
  const fluent = await importOriginal<typeof import('@fluentui/react-components')>();
  const { createElement, forwardRef } = await import('react');
  const Field = forwardRef<HTMLDivElement, ComponentProps<typeof fluent.Field>>((props, ref) => {
    const name = `field ${String(props.label)}`;
    renders.set(name, (renders.get(name) ?? 0) + 1);
    return createElement(fluent.Field, { ...props, ref });
  });
  return { ...fluent, Field };
});

const DATABASE_HEADING = 'Select a database to use with Async Server';
/** The Server name box of the database page, shown or hidden (role queries see only what is shown). */
const serverNameBox = () => document.querySelector<HTMLInputElement>('input[name="HQMessageDatabaseServerName"]');

async function openConfigure(laterViewsWanted: boolean) {
  freshWizard({ pageId: 'configure', history: ['support-files', 'installation-option', 'installation-type', 'components', 'prerequisites-before'] });
  await Promise.all([(configurePage.component as LazyView).preload(), (databasePage.component as LazyView).preload()]);
  render(createElement(FluentProvider, { theme: webLightTheme }, createElement(Wizard)));
  await screen.findByRole('textbox', { name: 'HTTPS port' });
  if (laterViewsWanted) act(() => useLaterViews.setState({ wanted: true }));
}

beforeEach(() => renders.clear());
afterEach(cleanup);

/** The hidden next page has rendered, to its last field (React renders hidden content in slices, between other work). */
async function renderedAhead() {
  await vi.waitFor(() => expect(renders.get('field Database name')).toBeGreaterThan(0), { timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 50));
}

describe('the next page, rendered ahead', () => {
  it('is rendered once the page is up and later views are wanted, out of the document (and so of the accessibility tree)', async () => {
    await openConfigure(true);
    await renderedAhead();
    expect(serverNameBox()).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Configure Async Server');
  });

  it('is not rendered before later views are wanted (the first page has the computer to itself)', async () => {
    await openConfigure(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(renders.get('field Server name')).toBeUndefined();
  });

  it('Next reveals it: in the document at once, none of its fields rendered again, its heading shown', async () => {
    await openConfigure(true);
    await renderedAhead();
    renders.clear();
    act(() => useWizard.getState().actions.goTo('database'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(DATABASE_HEADING);
    expect(screen.getByRole('textbox', { name: 'Server name' })).toBe(serverNameBox());
    expect(renders.get('field Server name')).toBeUndefined();
    expect(renders.get('field Partition')).toBeUndefined();
  });

  it('typing on the page re-renders, on the hidden next page, only what reads that value', async () => {
    await openConfigure(true);
    await renderedAhead();
    await new Promise((r) => setTimeout(r, 100));
    renders.clear();
    act(() => {
      fireEvent.change(screen.getByRole('textbox', { name: 'HTTPS port' }), { target: { value: '8443' } });
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(renders.get('field HTTPS port')).toBeGreaterThan(0);
    for (const label of ['Server name', 'Named instance', 'Partition', 'Database name']) expect(renders.get(`field ${label}`), label).toBeUndefined();
  });

  it('a page left by Back is not kept: going back renders the page after it afresh', async () => {
    await openConfigure(true);
    await renderedAhead();
    act(() => useWizard.getState().actions.goTo('database'));
    const shown = serverNameBox();
    expect(shown).not.toBeNull();
    renders.clear();
    act(() => useWizard.getState().actions.goBack());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Configure Async Server');
    expect(shown?.isConnected).toBe(false);
    expect(serverNameBox()).toBeNull();
    await renderedAhead();
  });
});
