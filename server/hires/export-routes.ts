import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { HireExportRow, hrApi } from '../../main/contract/hr-api';
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

/** The export's fields in column order; CSV names them in snake_case (new fields go last: columns keep their places). */
const FIELDS = [
  'id',
  'name',
  'email',
  'expectedSerial',
  'status',
  'latestVerdict',
  'createdAt',
  'verifiedAt',
  'externalId',
] as const satisfies readonly (keyof HireExportRow)[];
const HEADER = FIELDS.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join(',');

/** Every hire as the export has it, a batch at a time: memory stays flat and other requests run between batches. */
async function* exportRows(context: ServerContext, now: Date): AsyncGenerator<HireExportRow[]> {
  for await (const batch of rosterBatches(context.db)) {
    yield batch.map((h) =>
      HireExportRow.parse({
        id: h.hire_id,
        name: h.name,
        email: h.email,
        expectedSerial: h.expected_serial,
        status: statusOf(h, now),
        latestVerdict: h.latest_verdict,
        createdAt: h.created_at,
        verifiedAt: h.verified_at,
        externalId: h.external_id,
      } satisfies HireExportRow),
    );
    // Let intake and other readers in before the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function* csvOf(context: ServerContext, now: Date) {
  yield `${HEADER}\r\n`;
  for await (const rows of exportRows(context, now))
    yield rows.map((row) => FIELDS.map((f) => csvField(row[f])).join(',') + '\r\n').join('');
}

/** One JSON array, written a row at a time. */
async function* jsonOf(context: ServerContext, now: Date) {
  yield '[';
  let first = true;
  for await (const rows of exportRows(context, now))
    for (const row of rows) {
      yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
      first = false;
    }
  yield '\n]\n';
}

export function exportRoutes(app: FastifyInstance, context: ServerContext): void {
  const formats = [
    {
      endpoint: hrApi.exportCsv,
      action: 'export.csv',
      type: 'text/csv; charset=utf-8',
      file: 'hireproof-hires.csv',
      rows: csvOf,
    },
    {
      endpoint: hrApi.exportJson,
      action: 'export.json',
      type: 'application/json; charset=utf-8',
      file: 'hireproof-hires.json',
      rows: jsonOf,
    },
  ];
  for (const format of formats)
    app.get(format.endpoint.path, { config: { raw: true } }, async (request, reply) => {
      const actor = requireAdmin(request);
      const now = context.now();
      await context.auditRead({ actor, action: format.action, target: '*', hire: null, at: now });
      return reply
        .header('content-type', format.type)
        .header('content-disposition', `attachment; filename="${format.file}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(format.rows(context, now)));
    });
}
