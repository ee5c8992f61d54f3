import net from 'node:net';
import type { NetworkEndpoint } from '../hosts/network';

export type TcpOutcome = { ok: true } | { ok: false; reason: 'refused' | 'timeout' | 'unreachable'; detail: string };

/** Opens and closes a TCP connection: whether anything accepts connections at the endpoint within the time. */
export function tcpConnect(endpoint: NetworkEndpoint, timeoutMs: number): Promise<TcpOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: endpoint.host, port: endpoint.port });
    const finish = (outcome: TcpOutcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => finish({ ok: false, reason: 'timeout', detail: `no answer within ${Math.round(timeoutMs / 1000)} seconds` }));
    socket.once('connect', () => finish({ ok: true }));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') finish({ ok: false, reason: 'refused', detail: 'the connection was refused' });
      else finish({ ok: false, reason: 'unreachable', detail: err.code ?? err.message });
    });
  });
}
