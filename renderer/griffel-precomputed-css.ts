import { DEFINITION_LOOKUP_TABLE, __css, type CSSClassesMapBySlot } from '@griffel/core';
import { useFluent_unstable as useFluent } from '@fluentui/react-shared-contexts';

/** A slot's sequence hash, left to right, as Griffel computes it (hashSequence); '' for a slot with no classes. */
export type SequenceHashes = Record<string, string>;

/**
 * Griffel's `__css` (what scripts/griffel-css-extraction.ts makes of Fluent UI's `__styles`) with the left-to-right
 * sequence hashes worked out at build time. Griffel hashes every slot of a component's styles the first time the
 * component renders (Button alone has dozens of slots), which was a few ms of the first page's main thread; this
 * gives the same class names and registers each sequence for mergeClasses as Griffel's own reduceToClassNameForSlots
 * does, without hashing. Right to left, Griffel's own `__css` computes them as before.
 *
 * Outside a production build Griffel's hashes carry a debug part (and mergeClasses expects it), so there Griffel's
 * own `__css` does it all, as before.
 *
 * The direction is read from FluentProvider's context, which FluentProvider sets with the very value it gives
 * Griffel's TextDirectionProvider (that context is not exported); outside any provider both say 'ltr'.
 */
export function precomputedCss(classesMapBySlot: CSSClassesMapBySlot<string>, ltrHashes: SequenceHashes) {
  const otherDirection = __css(classesMapBySlot);
  let ltr: Record<string, string> | null = null;
  const leftToRight = () => {
    const slots: Record<string, string> = {};
    for (const slot in classesMapBySlot) {
      const hash = ltrHashes[slot];
      if (!hash) {
        slots[slot] = '';
        continue;
      }
      const classMap = classesMapBySlot[slot];
      // Griffel's reduceToClassName, left to right: a null (0) mapping has a hash but no class.
      let classes = '';
      for (const property in classMap) {
        const mapping = classMap[property];
        if (mapping === 0) continue;
        classes += ' ' + (Array.isArray(mapping) ? mapping[0] : mapping);
      }
      DEFINITION_LOOKUP_TABLE[hash] = [classMap, 'ltr'];
      slots[slot] = hash + classes;
    }
    return slots;
  };
  return function useClasses(): Record<string, string> {
    const { dir } = useFluent();
    if (dir !== 'ltr' || process.env.NODE_ENV !== 'production') return otherDirection({ dir });
    return (ltr ??= leftToRight());
  };
}
