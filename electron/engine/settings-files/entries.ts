/**
 * What a settings file's readers (the settings XML files and AX Setup's parameter file) keep of its text, for the
 * messages that name a line and for writing the file again with the user's comments in place.
 */
export interface SettingsFileEntry {
  value: string;
  line: number;
}

/** A comment of the file, kept to be written again before the parameter it preceded (null: at the end). */
export interface KeptComment {
  before: string | null;
  text: string;
}
