/** Settings files are a few KB; anything larger is refused before it is read (and fits the console's 1 MiB request as base64). */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;
