import type { FastifyInstance } from 'fastify';
import { audit } from '../audit/audit';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { hireStatus } from './hire-status';
import { latestVerdicts } from './hire-routes';

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

export function exportRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/v1/export.csv', async (request, reply) => {
    const actor = await requireAdmin(context.db, request, context.now());
    const hires = await context.db
      .selectFrom('hires')
      .select(['id', 'name', 'email', 'expected_serial', 'created_at', 'verified_at', 'offboarded_at'])
      .orderBy('created_at')
      .execute();
    const devices = await context.db
      .selectFrom('devices')
      .select(['hire_id', 'next_due_at', 'client'])
      .execute();
    const latest = await latestVerdicts(context);
    const rows = hires.map((h) =>
      [
        h.id,
        h.name,
        h.email,
        h.expected_serial,
        hireStatus({
          devices: devices.filter((d) => d.hire_id === h.id),
          latestVerdict: latest.get(h.id) ?? null,
          verifiedAt: h.verified_at,
          offboardedAt: h.offboarded_at,
          now: context.now(),
        }),
        latest.get(h.id) ?? null,
        h.created_at,
        h.verified_at,
      ]
        .map(csvField)
        .join(','),
    );
    await audit(context.db, { actor, action: 'export.csv', target: '*', at: context.now() });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="hireproof-hires.csv"')
      .send(
        ['id,name,email,expected_serial,status,latest_verdict,created_at,verified_at', ...rows].join('\r\n') +
          '\r\n',
      );
  });
}
