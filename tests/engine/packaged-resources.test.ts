import path from 'node:path';
import { expect, it } from 'vitest';
import { packagedResourceEnv, resourcesOfBundle } from '../../electron/engine/packaged-resources';

it('an installed app finds the scenarios and the sample payload beside app.asar', () => {
  const resources = path.join('/opt', 'CDX Setup', 'resources');
  expect(packagedResourceEnv(resources, {})).toEqual({
    CDX_SETUP_SCENARIOS: path.join(resources, 'scenarios'),
    CDX_SETUP_PAYLOAD: path.join(resources, 'payload'),
    CDX_SETUP_INSTALL_DIR: path.join('/opt', 'CDX Setup'),
  });
});

it('what the user set wins, and a development run changes nothing', () => {
  expect(packagedResourceEnv('/r', { CDX_SETUP_SCENARIOS: '/mine', CDX_SETUP_PAYLOAD: '/p', CDX_SETUP_INSTALL_DIR: '/i' })).toEqual({});
  expect(packagedResourceEnv(null, {})).toEqual({});
});

it('the CLI knows it is installed when its bundle runs from inside app.asar', () => {
  const resources = path.join('/opt', 'CDX Setup', 'resources');
  expect(resourcesOfBundle(path.join(resources, 'app.asar', 'dist'))).toBe(resources);
  expect(resourcesOfBundle(path.resolve('dist'))).toBeNull();
  expect(resourcesOfBundle(path.join(resources, 'app.asar', 'other'))).toBeNull();
});
