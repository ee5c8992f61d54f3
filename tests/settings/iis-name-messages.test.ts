import { expect, it } from 'vitest';
import { checkIisName } from '../../shared/settings/rules';

it('IIS name messages read as English whatever the field ("an application name", "a website name")', () => {
  expect(checkIisName('', 'application name')).toBe('Enter an application name.');
  expect(checkIisName('App/1', 'application name')).toMatch(/^An application name cannot contain "\/"\./);
  expect(checkIisName(' Site', 'website name')).toBe('A website name cannot begin or end with a space.');
  expect(checkIisName('x'.repeat(65), 'app pool name')).toBe('An app pool name can be at most 64 characters long.');
});
