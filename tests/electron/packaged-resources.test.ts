import path from 'node:path';
import { expect, it } from 'vitest';
import { packagedResourceEnv } from '../../electron/main/packaged-resources';

it('an installed app finds the scenarios and the sample payload beside app.asar', () => {
  const resources = path.join('/opt', 'CDX Setup', 'resources');
  expect(packagedResourceEnv(true, resources, {})).toEqual({
    CDX_SETUP_SCENARIOS: path.join(resources, 'scenarios'),
    CDX_SETUP_PAYLOAD: path.join(resources, 'payload'),
  });
});

it('what the user set wins, and a development run changes nothing', () => {
  expect(packagedResourceEnv(true, '/r', { CDX_SETUP_SCENARIOS: '/mine', CDX_SETUP_PAYLOAD: '/p' })).toEqual({});
  expect(packagedResourceEnv(false, '/r', {})).toEqual({});
});
