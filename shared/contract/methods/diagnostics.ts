import { z } from 'zod';
import { method } from '../define';

/** The largest support bundle the API hands over (base64 in one answer); logs are cut to 8 MiB each before this. */
export const MAX_BUNDLE_BASE64 = 96 * 1024 * 1024;

export const diagnosticsMethods = {
  /**
   * A support bundle (cdx-setup diagnostics): the zip itself, for the browser or the window to save where the user
   * says, and the copy kept with the Setup support files.
   */
  'diagnostics.create': method(
    z.object({}),
    z.object({
      fileName: z.string(),
      zipBase64: z.string().max(MAX_BUNDLE_BASE64),
      files: z.number().int().nonnegative(),
      /** The kept copy (a path on the target computer), or null when it could not be written. */
      savedTo: z.string().nullable(),
    }),
  ),
};
