import { FIRST_ANSWERS_ELEMENT_ID, FIRST_CALLS, FIRST_ANSWERS_SLOT } from '../../shared/contract/first-answers';
import type { Engine } from '../engine/create-engine';

/** A page split where the engine's first answers go: null when the page has no slot for them (nothing to add). */
export function splitAtFirstAnswers(html: string): [before: string, after: string] | null {
  const at = html.indexOf(FIRST_ANSWERS_SLOT);
  return at < 0 ? null : [html.slice(0, at), html.slice(at + FIRST_ANSWERS_SLOT.length)];
}

/**
 * The slot filled with the engine's answers to the first page's calls, as the API would have answered them. JSON in
 * HTML: every `<`, `>` and `&` escaped, so that no value can close the element. If the engine throws, the slot stays
 * empty and the page asks for itself, as it does in Electron.
 */
export async function firstAnswersElement(engine: Engine): Promise<string> {
  try {
    const answers = await Promise.all(FIRST_CALLS.map(async ([method, request]) => [method, await engine.dispatch(method, request)] as const));
    const json = JSON.stringify(Object.fromEntries(answers)).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `<script type="application/json" id="${FIRST_ANSWERS_ELEMENT_ID}">${json}</script>`;
  } catch {
    return FIRST_ANSWERS_SLOT;
  }
}
