/** An image imported by a module with ?no-inline: its file's URL in the build (Vite's asset handling). */
declare module '*.svg?no-inline' {
  const url: string;
  export default url;
}
