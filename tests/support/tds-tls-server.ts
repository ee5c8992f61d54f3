import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Duplex } from 'node:stream';
import tls from 'node:tls';

/**
 * Just enough of SQL Server's side of a TDS connection for tedious to reach its TLS handshake: the PRELOGIN answer
 * says encryption is on, then TLS runs inside PRELOGIN packets as SQL Server does it (TDS 7.x). The TLS side is
 * Node's real TLS server, so the client's failure is the real one: a self-signed certificate, an authority it does
 * not trust, or no TLS 1.2 (a server limited to TLS 1.0 and 1.1, like SQL Server 2012 and 2014 without their update).
 * After a completed handshake the connection is closed: nothing past TLS is spoken.
 */
export interface TdsTlsServer {
  port: number;
  /** Handshakes that completed (the client accepted the certificate). */
  handshakes: number;
  close(): Promise<void>;
}

export interface TdsTlsOptions {
  key: string;
  cert: string;
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
}

const PRELOGIN = 0x12;
const TABULAR_RESULT = 0x04;
const HEADER = 8;

function packet(type: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(HEADER);
  header.writeUInt8(type, 0);
  header.writeUInt8(0x01, 1); // end of message
  header.writeUInt16BE(HEADER + payload.length, 2);
  header.writeUInt8(1, 6);
  return Buffer.concat([header, payload]);
}

/** VERSION 11.0.2100 (SQL Server 2012 RTM), ENCRYPTION ON, then the terminator. */
function preloginAnswer(): Buffer {
  const options = Buffer.from([0x00, 0, 11, 0, 6, 0x01, 0, 17, 0, 1, 0xff]);
  const data = Buffer.from([11, 0, 0x08, 0x34, 0, 0, 0x01]);
  return Buffer.concat([options, data]);
}

/** The TLS server's side of the wire: what it writes is collected and sent back as one PRELOGIN message. */
class Wire extends Duplex {
  written: Buffer[] = [];
  _read(): void {}
  _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.written.push(chunk);
    this.emit('wrote');
    done();
  }
}

export async function startTdsTlsServer(options: TdsTlsOptions): Promise<TdsTlsServer> {
  const sockets = new Set<net.Socket>();
  const state = { handshakes: 0 };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    let message = Buffer.alloc(0);
    let wire: Wire | null = null;
    const answer = (w: Wire) => {
      // A TLS flight is written in a few chunks at once: send them when the TLS server has gone quiet.
      let timer: NodeJS.Timeout | undefined;
      const flush = () => {
        const out = Buffer.concat(w.written);
        w.written = [];
        if (out.length > 0 && !socket.destroyed) socket.write(packet(PRELOGIN, out));
      };
      w.on('wrote', () => {
        clearTimeout(timer);
        timer = setTimeout(flush, 25);
      });
    };
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= HEADER && buffered.length >= buffered.readUInt16BE(2)) {
        const length = buffered.readUInt16BE(2);
        const eom = (buffered.readUInt8(1) & 0x01) === 0x01;
        message = Buffer.concat([message, buffered.subarray(HEADER, length)]);
        buffered = buffered.subarray(length);
        if (!eom) continue;
        const payload = message;
        message = Buffer.alloc(0);
        if (!wire) {
          // The client's PRELOGIN: answer it, and get the TLS server ready for the handshake that follows.
          socket.write(packet(TABULAR_RESULT, preloginAnswer()));
          wire = new Wire();
          answer(wire);
          const secure = new tls.TLSSocket(wire, {
            isServer: true,
            secureContext: tls.createSecureContext({ key: options.key, cert: options.cert, minVersion: options.minVersion, maxVersion: options.maxVersion, ciphers: options.ciphers }),
          });
          secure.on('error', () => socket.destroy());
          secure.on('secure', () => {
            state.handshakes++;
            setTimeout(() => socket.destroy(), 50);
          });
          continue;
        }
        wire.push(payload);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get handshakes() {
      return state.handshakes;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A certificate like the one SQL Server makes for itself when none is configured (CN=SSL_Self_Signed_Fallback). */
export function selfSignedFallbackCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdx-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=SSL_Self_Signed_Fallback'], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}
