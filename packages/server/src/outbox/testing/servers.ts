import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** For tests: a webhook receiver on a random port. */
export interface WebhookReceiver {
  url: string;
  requests: { headers: IncomingHttpHeaders; body: string }[];
  /** Answer status of the next requests (default 204); a function decides per request. */
  respond: number | ((n: number) => number | Promise<number>);
  /** Requests being answered right now, and the most at once. */
  inFlight: number;
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    requests: [],
    respond: 204,
    inFlight: 0,
    maxInFlight: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.inFlight++;
      receiver.maxInFlight = Math.max(receiver.maxInFlight, receiver.inFlight);
      const n = receiver.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      void Promise.resolve(typeof receiver.respond === 'function' ? receiver.respond(n) : receiver.respond).then((status) => {
        receiver.inFlight--;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? '' : `refused (${status})`);
      });
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/kontor`;
  // Keep-alive sockets would hold close() open.
  const close = receiver.close;
  receiver.close = () => {
    server.closeAllConnections();
    return close();
  };
  return receiver;
}

/** For tests: a real SMTP server on a random port that parses what it receives. */
export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>?ignoreTLS=true` (plain `smtp://127.0.0.1:<port>` with STARTTLS) for KONTOR_SMTP_URL / `mail.smtpUrl`. */
  url: string;
  mails: (ParsedMail & { envelopeTo: string[] })[];
  /** Resolves when `count` mails have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** `starttls`: offer STARTTLS with smtp-server's built-in self-signed certificate (as a dev relay does). */
export async function startSmtpReceiver(options: { starttls?: boolean } = {}): Promise<SmtpReceiver> {
  const mails: SmtpReceiver['mails'] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: options.starttls ? [] : ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
          for (const w of waiters.splice(0)) w();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: options.starttls ? `smtp://127.0.0.1:${port}` : `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    mails,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} mails within ${timeoutMs} ms, got ${mails.length}`)), timeoutMs);
        const check = () => {
          if (mails.length >= count) {
            clearTimeout(timer);
            resolve(mails);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
