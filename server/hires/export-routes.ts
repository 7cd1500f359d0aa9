import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { hrApi } from '../../main/contract/hr-api';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { rosterBatches, statusOf } from '../db/hire-queries';

/**
 * An RFC 4180 field that no spreadsheet runs as a formula, whichever separator its locale splits
 * on: Excel reads this comma-separated file with `;` where the decimal mark is a comma, and there
 * quotes made for `,` do not hold, so a formula character (= + - @ tab CR) is neutralised with a
 * leading `'` wherever a cell could start: at the field's start and after any `,`, `;` or line
 * break (and the quotes a cell may open with). Fields with a separator, a quote or a line break are quoted.
 */
export function csvField(value: string | null): string {
  const safe = (value ?? '').replace(/(?<=^|[,;\n\r])("*)(?=[=+\-@\t\r])/g, "$1'");
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
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
    const actor = requireAdmin(request);
    const now = context.now();
    await context.auditRead({ actor, action: 'export.csv', target: '*', hire: null, at: now });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="hireproof-hires.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(csvOf(context, now)));
  });
}
