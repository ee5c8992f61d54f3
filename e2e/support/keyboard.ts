import type { Locator, Page } from '@playwright/test';

const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '(nothing)';
    const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${name.trim().slice(0, 40)}"`;
  });

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails listing the tab stops. */
export async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', maxPresses = 40): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i <= maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement, undefined, { timeout: 2_000 })) return;
    await page.keyboard.press(key);
    visited.push(await describeFocus(page));
  }
  throw new Error(`${key} never reached ${target}; the focus went through: ${visited.join(' → ')}`);
}

/** Replaces a text field's value by typing, the field having the focus. */
export async function typeInto(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
}
