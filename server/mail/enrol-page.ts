import type { FastifyInstance } from 'fastify';
import { EnrolmentCode } from '../../main/contract/protocol';
import type { ServerContext } from '../context';
import { enrolDeepLink, escapeHtml } from './enrol-link';
import { privacyNotice } from './privacy-notice';

export const ENROL_PAGE_PATH = '/enrol';

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">${head}<title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;

/**
 * The https page an invitation links to (mail clients rarely make `hireproof://` clickable): it
 * opens the app with the code by a refresh (no script, so the service's CSP stands), offers the
 * same link to click, and shows the code to type. The code is checked only for its form, never
 * looked up (the page tells nobody whether a code exists), and the request log names the route
 * alone, never the query that carries it.
 */
export function enrolPageRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get(ENROL_PAGE_PATH, { config: { raw: true } }, (request, reply) => {
    const query = request.query as { code?: unknown };
    const code = EnrolmentCode.safeParse(typeof query.code === 'string' ? query.code : '');
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer');
    if (!code.success)
      return reply
        .status(400)
        .send(
          page(
            'HireProof',
            '<h1>This link is incomplete</h1><p>Open the link from your invitation again, or ask HR for a new one.</p>',
          ),
        );
    const link = escapeHtml(enrolDeepLink(code.data));
    const download = context.mail
      ? `<p>No HireProof yet? <a href="${escapeHtml(context.mail.downloadUrl)}">Download it</a>, install it, then come back to this page.</p>`
      : '';
    return reply.send(
      page(
        'Opening HireProof',
        `<h1>Opening HireProof…</h1>
<p><a id="open" href="${link}">Open HireProof with your code</a></p>
<p>Or type this enrolment code into HireProof: <code id="code">${escapeHtml(code.data)}</code></p>
${download}
<h2>Your privacy</h2>
${privacyNotice(context.policy)
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join('\n')}`,
        `<meta http-equiv="refresh" content="0;url=${link}">`,
      ),
    );
  });
}
