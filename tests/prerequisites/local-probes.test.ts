import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { bindProbe, freeBytesAt } from '../../electron/engine/hosts/local-probes';
import { tempDir } from './helpers';

describe('probes on this computer', () => {
  it('finds a port that a program listens on, and one that is free', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '0.0.0.0', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    try {
      expect(await bindProbe(port)).toMatchObject({ port, state: 'in-use' });
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(await bindProbe(port)).toEqual({ port, state: 'free' });
  });

  it('measures free space on the volume of the nearest existing folder', async () => {
    const free = await freeBytesAt(`${tempDir()}/not/yet/there`);
    expect(free).toBeGreaterThan(0);
  });
});
