// As Fluent UI ships its styles: makeStyles and makeResetStyles already compiled to __styles and __resetStyles.
import { __resetStyles, __styles } from '@griffel/react';

export const useNoticeClasses = __styles(
  { root: { sj55zd: 'fnotice1' }, strong: { Bhrd7zp: 'fnotice2' } },
  { d: ['.fnotice1{color:red;}', ['.fnotice2{font-weight:600;}', { p: -1 }]], h: ['.fnotice3:hover{color:blue;}'] },
);

export const useNoticeBase = __resetStyles('rnotice', null, ['.rnotice{padding:4px;}']);

// A rule computed at run time: the extraction leaves it to Griffel's run time.
const accent = ['gr', 'een'].join('');
export const useAccentClasses = __styles({ root: { De3pzq: 'faccent1' } }, { d: [`.faccent1{background-color:${accent};}`] });
