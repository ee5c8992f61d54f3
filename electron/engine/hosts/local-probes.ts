import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { PortProbe } from './facts';

/**
 * Probes that run for real on the computer this process runs on: a port is free when this process can bind it,
 * and free space is measured on the volume of the nearest folder that exists.
 */
export async function bindProbe(port: number): Promise<PortProbe> {
  const tries = await Promise.all(['0.0.0.0', '::'].map((address) => tryBind(port, address)));
  const inUse = tries.find((t) => t.state === 'in-use');
  if (inUse) return inUse;
  return tries.find((t) => t.state === 'unknown' && t.detail !== 'no-ipv6') ?? { port, state: 'free' };
}

function tryBind(port: number, host: string): Promise<PortProbe> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') resolve({ port, state: 'in-use', detail: `another program listens on ${host === '::' ? '[::]' : host}:${port}` });
      else if (err.code === 'EAFNOSUPPORT' || err.code === 'EADDRNOTAVAIL') resolve({ port, state: 'unknown', detail: 'no-ipv6' });
      else if (err.code === 'EACCES') resolve({ port, state: 'unknown', detail: `binding port ${port} needs administrator rights on this computer, so it could not be tested` });
      else resolve({ port, state: 'unknown', detail: `port ${port} could not be tested (${err.code ?? err.message})` });
    });
    // exclusive: a port shared through a cluster would otherwise look free.
    server.listen({ port, host, exclusive: true, ipv6Only: host === '::' }, () => server.close(() => resolve({ port, state: 'free' })));
  });
}

export async function freeBytesAt(realPath: string): Promise<number> {
  let dir = path.resolve(realPath);
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const stats = await statfs(dir);
  return Number(stats.bavail) * Number(stats.bsize);
}
