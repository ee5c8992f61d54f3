import { FIRST_ANSWERS_ELEMENT_ID, type FirstAnswers } from '../../shared/contract/first-answers';
import { api } from '../api/client';

/** The answers the session starts from: the session itself, and the guide's defaults of the first component. */
export type SessionAnswers = [FirstAnswers['session.info'], FirstAnswers['settings.defaults']];

/** The answers the console wrote into the page; none in Electron, whose page is a file. */
function answersInPage(): Partial<FirstAnswers> {
  const text = document.getElementById(FIRST_ANSWERS_ELEMENT_ID)?.textContent;
  return text ? (JSON.parse(text) as FirstAnswers) : {};
}

const inPage = answersInPage();

/** Both answers, when the console wrote them into the page: the wizard can render as the scripts are evaluated. */
export const sessionInPage: SessionAnswers | null = inPage['session.info'] && inPage['settings.defaults'] ? [inPage['session.info'], inPage['settings.defaults']] : null;

/**
 * The same answers as a request: from the page, or else asked for as this module is evaluated (main.tsx imports it
 * first, so the engine answers while React and Fluent UI are evaluated).
 */
export const sessionRequest: Promise<SessionAnswers> = sessionInPage
  ? Promise.resolve(sessionInPage)
  : Promise.all([api.call('session.info', {}), api.call('settings.defaults', {})]);
