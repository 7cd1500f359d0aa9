import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { hrApi } from '../../main/contract/hr-api';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { rosterBatches, statusOf } from '../db/hire-queries';

/** RFC 4180 field; a leading =,+,-,@ is neutralised so a spreadsheet never runs it as a formula. */
export function csvField(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER = 'id,name,email,expected_serial,status,latest_verdict,created_at,verified_at';

/** The CSV, a batch of hires at a time: memory stays flat and other requests run between batches. */
async function* csvOf(context: ServerContext, now: Date) {
  yield `${HEADER}\r\n`;
  for await (const batch of rosterBatches(context.db)) {
    yield batch
      .map(
        (h) =>
          [
            h.hire_id,
            h.name,
            h.email,
            h.expected_serial,
            statusOf(h, now),
            h.latest_verdict,
            h.created_at,
            h.verified_at,
          ]
            .map(csvField)
            .join(',') + '\r\n',
      )
      .join('');
    // Let intake and other readers in before the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export function exportRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get(hrApi.exportCsv.path, { config: { raw: true } }, async (request, reply) => {
    const actor = await requireAdmin(context.db, request, context.now());
    const now = context.now();
    await context.auditRead({ actor, action: 'export.csv', target: '*', hire: null, at: now });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="hireproof-hires.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(csvOf(context, now)));
  });
}
