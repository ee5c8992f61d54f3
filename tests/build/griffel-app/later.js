// A module only a lazy chunk holds: its rules still go to the entry's style sheet.
import { __styles } from '@griffel/react';

export const useLaterClasses = __styles({ root: { B6of3ja: 'flater1' } }, { d: ['.flater1{margin-top:8px;}'] });
