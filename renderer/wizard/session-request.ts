import { FIRST_ANSWERS_ELEMENT_ID, type FirstAnswers } from '../../shared/contract/first-answers';
import { api } from '../api/client';

/** The answers the console wrote into the page; none in Electron, whose page is a file. */
function answersInPage(): Partial<FirstAnswers> {
  const text = document.getElementById(FIRST_ANSWERS_ELEMENT_ID)?.textContent;
  return text ? (JSON.parse(text) as FirstAnswers) : {};
}

const inPage = answersInPage();

/**
 * The session and the guide's defaults: from the page when the console wrote them there, or else asked for as this
 * module is evaluated (main.tsx imports it first, so the engine answers while React and Fluent UI are evaluated).
 */
export const sessionRequest = Promise.all([inPage['session.info'] ?? api.call('session.info', {}), inPage['settings.defaults'] ?? api.call('settings.defaults', {})]);
