/** One thing wrong (or worth knowing) about a settings, topology or parameter file, and where it is. */
export interface SettingsFileProblem {
  file: string;
  line?: number;
  /** The parameter (or attribute) to blame; the message follows it as the subject, else the file's name. */
  key?: string;
  severity: 'error' | 'warning';
  /** Read after the subject ("is set twice…"); a message that starts with ": " is a sentence of its own. */
  message: string;
}

/** "WebsiteName is not a parameter: …" or "ss-settings.xml has a <!DOCTYPE> …". */
export function problemSentence(p: SettingsFileProblem): string {
  const subject = p.key ?? (p.file.split(/[\\/]/).pop() || p.file);
  return p.message.startsWith(': ') ? `${subject}${p.message}` : `${subject} ${p.message}`;
}

/** `file:line: error: sentence`, the shape editors and CI logs turn into links. */
export function formatProblem(p: SettingsFileProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.severity}: ${problemSentence(p)}`;
}

export function hasErrorProblems(problems: readonly SettingsFileProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
