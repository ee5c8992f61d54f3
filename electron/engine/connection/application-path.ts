import type { ConnectionStep } from '../../../shared/contract/methods/connection';
import type { ServiceUrl } from './service-url';
import type { PathOutcome } from './tls-handshake';

/**
 * What an anonymous GET of the application path proves. 404 and 410 mean nothing lives there: the web application
 * name is wrong. 503 is an application whose pool is stopped, another 5xx one that fails. Every other answer (200, a
 * redirect, 400, 401 and 403 for an application that wants credentials or has no default document, 405 for a service
 * that takes only POST) comes from something at that path, so the application exists.
 */
export function applicationPathStep(name: string, url: ServiceUrl, outcome: PathOutcome): Omit<ConnectionStep, 'id'> {
  const server = url.hostName;
  if (!outcome.ok) {
    return { name, status: 'failed', message: `${server} did not answer the request for ${url.path}: ${outcome.detail}.`, fix: `Test again; if it persists, check the website on ${server} in IIS Manager.` };
  }
  const { status } = outcome;
  if (status === 404 || status === 410) {
    return {
      name,
      status: 'failed',
      message: `${server} has no web application at ${url.path} (it answered ${status} Not Found).`,
      fix: `Check the web application name in the URL (the part after the port): it is the name of the application under the website on ${server}, as IIS Manager lists it.`,
    };
  }
  if (status === 503) {
    return { name, status: 'failed', message: `The web application at ${url.path} on ${server} is not running (503 Service Unavailable).`, fix: `Start its application pool in IIS Manager on ${server}.` };
  }
  if (status >= 500) {
    return { name, status: 'failed', message: `The web application at ${url.path} on ${server} answered with an error (${status}).`, fix: `Look at the application's event log on ${server}; the application exists but fails.` };
  }
  const redirect = outcome.location ? `, redirecting to ${outcome.location}` : '';
  return { name, status: 'passed', message: `${server} answered ${status} for ${url.path}${redirect}, so a web application is there.`, fix: null };
}
