import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import type { HostNetwork, NetworkEndpoint } from '../../network';
import type { RehearsalNetworkSection, RehearsalService } from './network-scenario';

/** One request a rehearsal web server received: what a test checks to prove no secret was sent. */
export interface ReceivedRequest {
  address: string;
  port: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The scenario's other computers, for real: each service is a real server on 127.0.0.1 (HTTPS with the scenario's
 * certificate, or a bare TCP listener), started the first time something connects to it. Names resolve only through
 * the scenario, so a rehearsal never depends on the real network.
 */
export class RehearsalNetwork implements HostNetwork {
  readonly received: ReceivedRequest[] = [];
  private readonly listening = new Map<RehearsalService, Promise<net.Server>>();
  private closedPort: Promise<number> | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly section: RehearsalNetworkSection,
    private readonly scenarioFile: (relative: string) => string,
    private readonly rootStore: () => Promise<string[]>,
  ) {}

  async resolve(hostName: string): Promise<string[]> {
    const wanted = hostName.toLowerCase();
    const entry = Object.entries(this.section.names).find(([name]) => name.toLowerCase() === wanted);
    return entry ? [entry[1]] : [];
  }

  async endpoint(hostName: string, port: number): Promise<NetworkEndpoint> {
    const [address] = await this.resolve(hostName);
    const service = this.section.services.find((s) => s.address === address && s.port === port);
    if (!service) return { host: '127.0.0.1', port: await this.portNobodyListensOn() };
    const server = await this.start(service);
    return { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port };
  }

  trustedRoots(): Promise<string[]> {
    return this.rootStore();
  }

  /** Stops every server this network started (tests; the servers are unref'd, so a process exits without it). */
  async close(): Promise<void> {
    const servers = await Promise.all(this.listening.values());
    this.listening.clear();
    // close() waits for open connections (an HTTPS keep-alive, a half-closed NetTcp one): end them first.
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  private start(service: RehearsalService): Promise<net.Server> {
    let started = this.listening.get(service);
    if (!started) {
      const server = this.createServer(service);
      server.on('connection', (socket: net.Socket) => {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
      });
      started = listen(server);
      this.listening.set(service, started);
    }
    return started;
  }

  private createServer(service: RehearsalService): net.Server {
    if (!service.certificate || !service.privateKey) {
      // A NetTcp port: it accepts the connection; the WCF framing after it is not rehearsed.
      return net.createServer((socket) => socket.end());
    }
    const tls = { cert: readFileSync(this.scenarioFile(service.certificate)), key: readFileSync(this.scenarioFile(service.privateKey)) };
    return https.createServer(tls, (req, res) => this.answer(service, req, res));
  }

  private answer(service: RehearsalService, req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    this.received.push({ address: service.address, port: service.port, method: req.method ?? '', path, headers: { ...req.headers } });
    // IIS matches application paths case-insensitively.
    const inApplication = service.applications.some((app) => {
      const a = app.replace(/\/+$/, '').toLowerCase();
      const p = path.toLowerCase();
      return p === a || p.startsWith(`${a}/`);
    });
    const status = inApplication ? service.status : 404;
    res.writeHead(status, { 'Content-Type': 'text/html', Server: 'Microsoft-IIS/8.5' });
    res.end(`<html><body><h1>${status}</h1></body></html>`);
  }

  private portNobodyListensOn(): Promise<number> {
    // A port this process bound and released: a connection to it is refused, as by a computer with nothing there.
    this.closedPort ??= listen(net.createServer()).then(
      (server) =>
        new Promise<number>((resolve) => {
          const { port } = server.address() as net.AddressInfo;
          server.close(() => resolve(port));
        }),
    );
    return this.closedPort;
  }
}

function listen(server: net.Server): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve(server);
    });
  });
}
