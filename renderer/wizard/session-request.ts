import { api } from '../api/client';

/**
 * The session and the guide's defaults, asked for as this module is evaluated. main.tsx imports it first, so the
 * engine answers while React and Fluent UI are still being evaluated, not after.
 */
export const sessionRequest = Promise.all([api.call('session.info', {}), api.call('settings.defaults', {})]);
