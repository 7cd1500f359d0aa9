#!/usr/bin/env node
// A worked example of an HR system's side of HireProof's webhooks (README, HR set-up): it
// listens for HireProof's POSTs, verifies each one's Standard Webhooks signature with the secret
// HireProof showed when the receiver was registered, and prints the verdict. Node 20, no packages.
//
//   HIREPROOF_WEBHOOK_SECRET=whsec_… node docs/hr-hooks/receive-webhook.mjs [--port 8787] [--once]
//
// Put it behind your own https proxy, and register its address (POST /v1/webhooks). The body is
// `hireproof.webhook/v1` (main/contract/webhook-payload.ts):
//   {"schema":"hireproof.webhook/v1","type":"report.verdict","timestamp":"…",
//    "data":{"reportId","hireId","externalId","deviceId","verdict","receivedAt","linkedHires":[…]}}
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

/** Older or newer than this, a message is refused: a captured one cannot be replayed later. */
const TOLERANCE_S = 5 * 60;
const SCHEMA = 'hireproof.webhook/v1';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8787' }, once: { type: 'boolean', default: false } },
});
const secret = process.env.HIREPROOF_WEBHOOK_SECRET ?? '';
if (!secret.startsWith('whsec_')) {
  console.error('set HIREPROOF_WEBHOOK_SECRET to the whsec_… secret HireProof showed for this receiver');
  process.exit(2);
}
const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
/** Message ids already handled: a retry of one is answered, not processed twice (keep these in your database). */
const seen = new Set();

/** Why the message is not HireProof's, or null when its signature verifies. */
function whyRefused(headers, body) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return 'missing webhook-id, webhook-timestamp or webhook-signature';
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_S) return 'timestamp too old or too new';
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  // The header may list several signatures (`v1,… v1,…`) while a secret is rotated: one must match.
  const matches = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    const given = Buffer.from(signature ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? null : 'signature does not verify';
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    // Verify the bytes as they came: re-serialised JSON would not match the signature.
    const body = Buffer.concat(chunks).toString('utf8');
    const refused = whyRefused(request.headers, body);
    if (refused) {
      console.log(`rejected: ${refused}`);
      response.writeHead(401).end();
      if (values.once) server.close(() => process.exit(1));
      return;
    }
    const id = request.headers['webhook-id'];
    if (seen.has(id)) {
      console.log(`duplicate ${id}: already handled`);
      response.writeHead(204).end();
      return;
    }
    seen.add(id);
    const event = JSON.parse(body);
    if (event.schema !== SCHEMA) {
      // A newer schema this receiver was not written for: refuse it, HireProof retries, you upgrade.
      console.log(`rejected: unknown schema ${event.schema}`);
      response.writeHead(422).end();
      return;
    }
    if (event.type === 'report.verdict') {
      const { hireId, externalId, reportId, verdict, linkedHires } = event.data;
      console.log(
        `verified report.verdict: hire ${hireId} (employee ${externalId ?? 'none'}) report ${reportId} verdict ${verdict}` +
          (linkedHires.length > 0 ? `, linked to ${linkedHires.map((l) => l.hireId).join(', ')}` : ''),
      );
    } else console.log(`verified ${event.type}`);
    response.writeHead(204).end();
    if (values.once) server.close(() => process.exit(0));
  });
});
server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
