import type { ComponentDefinition } from '../../../shared/components/component';
import { componentDefinitions } from '../../../shared/components/registry';

/** The first words of the header comment CDX Setup writes at the top of a component's settings file. */
export const headerMark = (d: ComponentDefinition) => `${d.settingsFileName} for Commerce Data Exchange: ${d.title}, written by CDX Setup`;

/** Our own header is written fresh each time, not kept as a user comment (round trips must not pile them up). */
export function isWrittenByCdxSetup(comment: string): boolean {
  return componentDefinitions().some((d) => comment.includes(headerMark(d)));
}
