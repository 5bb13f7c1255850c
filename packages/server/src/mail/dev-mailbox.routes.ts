import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { esc } from './templates.js';

/**
 * The dev mailbox, for the demo only (`devMailbox` / KONTOR_DEV_MAILBOX=1): the mails the dev
 * mailbox transport kept, newest first.
 *
 * - `GET /dev/mailbox` — a page listing subject, recipient and date
 * - `GET /dev/mailbox/{id}` — one mail: its text, and its HTML in a sandboxed iframe (`srcdoc`,
 *   no scripts, no same origin), never put into the page itself
 * - `GET /dev/mailbox.json` — the list as JSON (`{ items: [{ id, from, to, subject, createdAt }] }`),
 *   `GET /dev/mailbox/{id}.json` one mail with `text` and `html`
 *
 * Not in the route table or /openapi.json: it is not part of the Kontor API.
 */
export function devMailboxRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  const security = {
    // The pages run no script; the mail's HTML only inside the sandboxed frame.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-src 'self'; base-uri 'none'; form-action 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  const list = () => db.selectFrom('dev_mailbox').select(['id', 'from', 'to', 'subject', 'created_at']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  const one = (id: string) => db.selectFrom('dev_mailbox').selectAll().where('id', '=', id).executeTakeFirst();
  const css =
    'body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d2329}table{border-collapse:collapse;width:100%}' +
    'td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #dde1e6}a{color:#0b5cad}pre{white-space:pre-wrap;background:#f4f5f7;padding:12px}' +
    'iframe{width:100%;height:70vh;border:1px solid #dde1e6}.muted{color:#5a6570}';
  const html = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${css}</style></head><body>${body}</body></html>`;

  app.get('/dev/mailbox.json', async () => ({
    items: (await list()).map((m) => ({ id: m.id, from: m.from, to: m.to, subject: m.subject, createdAt: m.created_at })),
  }));

  app.get('/dev/mailbox', async (_req, reply) => {
    const mails = await list();
    const rows = mails
      .map(
        (m) =>
          `<tr><td><a href="/dev/mailbox/${encodeURIComponent(m.id)}">${esc(m.subject)}</a></td><td>${esc(m.to)}</td><td class="muted">${esc(m.created_at)}</td></tr>`,
      )
      .join('');
    return reply
      .headers(security)
      .type('text/html; charset=utf-8')
      .send(
        html(
          'Kontor dev mailbox',
          `<h1>Dev mailbox</h1><p class="muted">Mails the demo server sent (kept here because KONTOR_DEV_MAILBOX=1). Newest first.</p>` +
            (mails.length ? `<table><thead><tr><th>Subject</th><th>To</th><th>Date</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No mails yet.</p>'),
        ),
      );
  });

  app.get<{ Params: { id: string } }>('/dev/mailbox/:id', async (req, reply) => {
    const json = req.params.id.endsWith('.json');
    const mail = await one(json ? req.params.id.slice(0, -5) : req.params.id);
    if (!mail) return reply.code(404).headers(security).type('text/plain; charset=utf-8').send('No such mail');
    if (json) return { id: mail.id, from: mail.from, to: mail.to, subject: mail.subject, createdAt: mail.created_at, text: mail.text, html: mail.html };
    return reply
      .headers(security)
      .type('text/html; charset=utf-8')
      .send(
        html(
          mail.subject,
          `<p><a href="/dev/mailbox">← all mails</a></p><h1>${esc(mail.subject)}</h1>` +
            `<table><tr><th>From</th><td>${esc(mail.from)}</td></tr><tr><th>To</th><td>${esc(mail.to)}</td></tr><tr><th>Date</th><td>${esc(mail.created_at)}</td></tr></table>` +
            `<h2>HTML</h2><iframe sandbox title="HTML part" srcdoc="${esc(mail.html)}"></iframe>` +
            `<h2>Text</h2><pre>${esc(mail.text)}</pre>`,
        ),
      );
  });
}
