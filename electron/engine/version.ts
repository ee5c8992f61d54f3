/** Set at build time by esbuild and Vitest from package.json. */
export const TOOL_VERSION: string = process.env.CDX_SETUP_VERSION ?? '0.0.0-dev';
