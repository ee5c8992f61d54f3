import { METHOD_NAMES } from '../../shared/contract/api';

/** One IPC channel per API method, made from the contract map; events share one channel. */
export const callChannel = (method: string) => `cdx:call:${method}`;
export const EVENT_CHANNEL = 'cdx:event';
export const CALL_CHANNELS = METHOD_NAMES.map(callChannel);
