import type { MethodName, RequestOf, ResponseOf } from './api';
import type { Result } from './result';

/**
 * The engine's answers the first page renders from (the session, and the first component's defaults). The console
 * writes them into the page it serves, in a JSON element (data, not a script: the Content-Security-Policy stands),
 * while the browser fetches the scripts, so the first render waits for no request after them. Electron's window,
 * loaded from a file, finds the element empty and asks the engine, as any page does.
 */
export const FIRST_ANSWERS_ELEMENT_ID = 'cdx-first-answers';

/** The element as the built index.html carries it, empty: where the console writes the answers. */
export const FIRST_ANSWERS_SLOT = `<script type="application/json" id="${FIRST_ANSWERS_ELEMENT_ID}"></script>`;

export const FIRST_CALLS = [
  ['session.info', {}],
  ['settings.defaults', {}],
] as const satisfies readonly (readonly [MethodName, RequestOf<MethodName>])[];

type FirstMethod = (typeof FIRST_CALLS)[number][0];
export type FirstAnswers = { [M in FirstMethod]: Result<ResponseOf<M>> };
