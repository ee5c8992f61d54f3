export { formatProblem, hasErrorProblems, problemSentence, type SettingsFileProblem } from '../../../shared/settings/file-problem';

/** Line of a character offset (1-based). */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
