// Recomputes the sizes and sha256 of a payload folder's manifest.json from the files on disk, keeping its other
// sections (component, version, database, saltUtility, configuration, service). Usage: node scripts/make-payload-manifest.mjs [payload/async-server]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'payload/async-server');
const manifestFile = path.join(root, 'manifest.json');
const previous = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
const SKIP = new Set(['manifest.json', 'README.md']);

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    const rel = path.relative(root, full).split(path.sep).join('/');
    // The database scripts run on SQL Server; they are not copied to the web application's folder.
    return SKIP.has(rel) || rel.toLowerCase().startsWith('database/') ? [] : [rel];
  });
}

const files = walk(root)
  .sort()
  .map((rel) => {
    const data = readFileSync(path.join(root, rel));
    return { path: rel, size: statSync(path.join(root, rel)).size, sha256: createHash('sha256').update(data).digest('hex') };
  });

const manifest = {
  component: previous.component ?? 'async-server',
  version: previous.version ?? '6.3.0.0',
  files,
  database: previous.database ?? { scripts: [], roles: { appPoolUser: [], aosServiceUser: [] } },
  saltUtility: { files: files.map((f) => f.path).filter((p) => p.startsWith('RetailSaltUtility/')) },
  ...(previous.configuration ? { configuration: previous.configuration } : {}),
  ...(previous.service ? { service: previous.service } : {}),
};
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${manifestFile}: ${files.length} files, ${files.reduce((n, f) => n + f.size, 0)} bytes.`);
