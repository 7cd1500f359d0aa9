import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely';
import { countAllStandings, DUE_STANDINGS, rosterRefresh, searchTextOf } from './roster';
import { countAllReports } from './verdict-counts';
import type { PhotoSeal } from '../photos/photo-seal';

/** Portable column types: `bytes` is BLOB on SQLite and BYTEA on PostgreSQL. */
type Dialect = 'sqlite' | 'postgres';

/** `seal`: the photo key, for migrations that seal data stored before it was sealed. */
function migrations(dialect: Dialect, seal: PhotoSeal | undefined): Record<string, Migration> {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const sealer = (migration: string) => {
    if (!seal) throw new Error(`migration ${migration} seals stored biometric data: it needs the photo key`);
    return seal;
  };
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    '001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('hires')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.notNull())
          .addColumn('expected_serial', 'text')
          .addColumn('expected_asset_tag', 'text')
          .addColumn('id_photo', sql.raw(bytes))
          .addColumn('face_descriptor', 'text')
          .addColumn('face_status', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('verified_at', 'text')
          .addColumn('photos_deleted_at', 'text')
          .execute();
        await db.schema
          .createTable('enrolment_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('hire_id', 'text', (c) => c.notNull().references('hires.id'))
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .execute();
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('hire_id', 'text', (c) => c.notNull().references('hires.id'))
          .addColumn('public_jwk', 'text', (c) => c.notNull())
          .addColumn('key_thumbprint', 'text', (c) => c.notNull().unique())
          .addColumn('identity', 'text', (c) => c.notNull())
          .addColumn('fingerprint', 'text', (c) => c.notNull())
          .addColumn('enrolled_at', 'text', (c) => c.notNull())
          .addColumn('next_due_at', 'text', (c) => c.notNull())
          .addColumn('last_report_at', 'text')
          .execute();
        await db.schema
          .createTable('nonces')
          .addColumn('nonce', 'text', (c) => c.primaryKey())
          .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .execute();
        await db.schema
          .createTable('reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
          .addColumn('hire_id', 'text', (c) => c.notNull().references('hires.id'))
          .addColumn('jws_hash', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('issued_at', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('frames', sql.raw(bytes))
          .addColumn('verdict', 'text', (c) => c.notNull())
          .addColumn('reasons', 'text', (c) => c.notNull())
          .addColumn('face_status', 'text', (c) => c.notNull())
          .addColumn('reviewed_by', 'text')
          .addColumn('review_note', 'text')
          .execute();
        await db.schema
          .createIndex('reports_by_hire')
          .on('reports')
          .columns(['hire_id', 'received_at'])
          .execute();
        await db.schema
          .createTable('jobs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('run_at', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('locked_until', 'text')
          .addColumn('done_at', 'text')
          .addColumn('last_error', 'text')
          .execute();
        await db.schema.createIndex('jobs_due').on('jobs').columns(['done_at', 'run_at']).execute();
        await db.schema
          .createTable('webhooks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('secret', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('webhook_deliveries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id'))
          .addColumn('report_id', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('last_status', 'integer')
          .addColumn('delivered_at', 'text')
          .execute();
        await db.schema
          .createTable('admin_tokens')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id_hash', 'text', (c) => c.primaryKey())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('id', sql.raw(serial), (c) => c.primaryKey())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '002-reports-by-body': {
      // A retried report is recognised by the hash of its exact bytes, before any parsing.
      async up(db: Kysely<unknown>) {
        await db.schema.createIndex('reports_by_jws_hash').on('reports').column('jws_hash').execute();
      },
    },
    '003-server-judges': {
      /*
       * The server sets each report's terms and judges it: challenges carry their kind and evidence,
       * devices say what they are, a refused report is kept against its hire, and a device's signed
       * requests cannot be replayed. Hires verified only by a device-only report must verify again.
       */
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('nonces').addColumn('kind', 'text').execute();
        await db.schema.alterTable('nonces').addColumn('evidence', 'text').execute();
        await db.schema
          .alterTable('devices')
          .addColumn('client', 'text', (c) => c.notNull().defaultTo('app'))
          .execute();
        await db.schema
          .alterTable('enrolment_codes')
          .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('hire'))
          .execute();
        await db.schema.alterTable('reports').addColumn('refusal', 'text').execute();
        await db.schema
          .createTable('device_requests')
          .addColumn('jti', 'text', (c) => c.primaryKey())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await sql`UPDATE devices SET client = 'cli' WHERE id IN (SELECT device_id FROM reports WHERE kind = 'cli')`.execute(
          db,
        );
        await sql`UPDATE reports SET kind = 'device-check' WHERE kind = 'cli'`.execute(db);
        const now = new Date().toISOString();
        const revoked = JSON.stringify({
          reason: 'verified only by a device-only report (no face, no liveness): must verify again',
        });
        await sql`INSERT INTO audit_log (at, actor, action, target, detail)
          SELECT ${now}, 'system', 'hire.verification-revoked', id, ${revoked}
          FROM hires WHERE verified_at IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM reports r WHERE r.hire_id = hires.id
              AND r.kind IN ('onboarding', 'reattestation') AND r.verdict = 'pass')`.execute(db);
        await sql`UPDATE hires SET verified_at = NULL WHERE verified_at IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM reports r WHERE r.hire_id = hires.id
              AND r.kind IN ('onboarding', 'reattestation') AND r.verdict = 'pass')`.execute(db);
      },
    },
    '004-privacy': {
      /*
       * Biometric privacy: a hire's biometric consent can be withdrawn (by the hire or by HR), which
       * deletes the hire's biometric data and moves the hire to the human path; each report's
       * frames and movement traces are deleted on their own schedule, so the traces leave the
       * payload for a sealed column of their own (or go, where the frames were already deleted).
       * The face template is sealed like the photos and kept until offboarding (or erasure);
       * `seal_check` holds a value sealed with the photo key, so a wrong key is refused at start.
       * Webhook secrets are sealed too. HR API tokens can be revoked, and a dashboard session ends with the token it was opened
       * with (sessions from before cannot be traced to one, so they end now).
       */
      async up(db: Kysely<unknown>) {
        // What must be sealed is found first, so a missing photo key stops it before any change.
        const templates = await sql<{ id: string; face_descriptor: string }>`
          SELECT id, face_descriptor FROM hires WHERE face_descriptor IS NOT NULL`.execute(db);
        const traced = await sql<{ id: string; payload: string; gone: number }>`
          SELECT r.id, r.payload,
            CASE WHEN r.frames IS NULL AND h.photos_deleted_at IS NOT NULL THEN 1 ELSE 0 END AS gone
          FROM reports r JOIN hires h ON h.id = r.hire_id
          WHERE r.payload LIKE ${'%"trace":[{%'}`.execute(db);
        const secrets = await sql<{ id: string; secret: string }>`SELECT id, secret FROM webhooks`.execute(
          db,
        );
        const key =
          templates.rows.length + traced.rows.length + secrets.rows.length > 0 ? sealer('004-privacy') : null;

        await db.schema.alterTable('webhooks').addColumn('sealed_secret', sql.raw(bytes)).execute();
        for (const row of secrets.rows) {
          const sealed = key!.seal(Buffer.from(row.secret));
          await sql`UPDATE webhooks SET sealed_secret = ${sealed} WHERE id = ${row.id}`.execute(db);
        }
        await db.schema.alterTable('webhooks').dropColumn('secret').execute();

        await db.schema.alterTable('admin_tokens').addColumn('revoked_at', 'text').execute();
        await sql`DELETE FROM sessions`.execute(db);
        await db.schema.alterTable('sessions').addColumn('token_id', 'text').execute();

        // A value sealed with the database's photo key, so a server with another key is refused.
        await db.schema
          .createTable('seal_check')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('sealed', sql.raw(bytes), (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema.alterTable('hires').addColumn('biometric_withdrawn_at', 'text').execute();
        await db.schema.alterTable('hires').addColumn('offboarded_at', 'text').execute();
        await db.schema.alterTable('hires').addColumn('face_template', sql.raw(bytes)).execute();
        for (const row of templates.rows) {
          const sealed = key!.seal(Buffer.from(row.face_descriptor));
          await sql`UPDATE hires SET face_template = ${sealed} WHERE id = ${row.id}`.execute(db);
        }
        await db.schema.alterTable('hires').dropColumn('face_descriptor').execute();

        await db.schema.alterTable('reports').addColumn('liveness_trace', sql.raw(bytes)).execute();
        await db.schema.alterTable('reports').addColumn('biometrics_deleted_at', 'text').execute();
        await sql`UPDATE reports SET biometrics_deleted_at =
            (SELECT photos_deleted_at FROM hires WHERE hires.id = reports.hire_id)
          WHERE frames IS NULL`.execute(db);
        for (const row of traced.rows) {
          const payload = JSON.parse(row.payload) as { liveness?: { trace?: unknown[] } | null };
          const trace = payload.liveness?.trace ?? [];
          if (!payload.liveness || trace.length === 0) continue;
          payload.liveness.trace = [];
          const sealed = Number(row.gone) ? null : key!.seal(Buffer.from(JSON.stringify(trace)));
          await sql`UPDATE reports SET payload = ${JSON.stringify(payload)}, liveness_trace = ${sealed}
            WHERE id = ${row.id}`.execute(db);
        }
      },
    },
    '005-scale': {
      /*
       * Pages cost what they show: the roster (each hire's standing, kept current as reports
       * arrive), the chart's daily counts, the audit trail by hire, keyset indexes on every list,
       * fair job claiming, and rate limits shared through the database.
       */
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('roster')
          .addColumn('hire_id', 'text', (c) => c.primaryKey().references('hires.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.notNull())
          .addColumn('expected_serial', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('verified_at', 'text')
          .addColumn('standing', 'text', (c) => c.notNull().defaultTo('invited'))
          .addColumn('latest_verdict', 'text')
          .addColumn('latest_report_at', 'text')
          .addColumn('due_at', 'text')
          .addColumn('search_text', 'text', (c) => c.notNull())
          .execute();
        const hires = await sql<{
          id: string;
          name: string;
          email: string;
          expected_serial: string | null;
          created_at: string;
        }>`SELECT id, name, email, expected_serial, created_at FROM hires`.execute(db);
        for (let i = 0; i < hires.rows.length; i += 500) {
          const rows = hires.rows.slice(i, i + 500);
          await sql`INSERT INTO roster (hire_id, name, email, expected_serial, created_at, search_text) VALUES ${sql.join(
            rows.map(
              (h) =>
                sql`(${h.id}, ${h.name}, ${h.email}, ${h.expected_serial}, ${h.created_at}, ${searchTextOf(h.name, h.email)})`,
            ),
          )}`.execute(db);
        }
        await db.schema
          .createIndex('devices_by_hire')
          .on('devices')
          .columns(['hire_id', 'client', 'next_due_at'])
          .execute();
        await db.schema.dropIndex('reports_by_hire').execute();
        await db.schema
          .createIndex('reports_by_hire')
          .on('reports')
          .columns(['hire_id', 'received_at', 'id', 'verdict'])
          .execute();
        // Retention looks only at reports still holding biometric data, not at every report.
        await db.schema
          .createIndex('reports_holding_biometrics')
          .on('reports')
          .columns(['received_at', 'hire_id'])
          .where(sql<boolean>`frames IS NOT NULL OR liveness_trace IS NOT NULL`)
          .execute();
        await rosterRefresh(null, { revocable: false }).execute(db);
        await db.schema
          .createIndex('roster_newest')
          .on('roster')
          .columns(['created_at', 'hire_id'])
          .execute();
        await db.schema
          .createIndex('roster_by_standing')
          .on('roster')
          .columns(['standing', 'created_at', 'hire_id', 'due_at'])
          .execute();
        // Literal values, so SQLite can prove a query's `standing IN (…)` implies the index's.
        await db.schema
          .createIndex('roster_by_due_date')
          .on('roster')
          .columns(['due_at', 'hire_id', 'standing'])
          .where(sql<boolean>`standing IN (${sql.join(DUE_STANDINGS.map((s) => sql.lit(s)))})`)
          .execute();

        await db.schema
          .createTable('standing_counts')
          .addColumn('standing', 'text', (c) => c.notNull())
          .addColumn('shard', 'integer', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('standing_counts_key', ['standing', 'shard'])
          .execute();
        await countAllStandings().execute(db);

        await db.schema
          .createTable('report_counts')
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('verdict', 'text', (c) => c.notNull())
          .addColumn('shard', 'integer', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('report_counts_key', ['day', 'verdict', 'shard'])
          .execute();
        await countAllReports().execute(db);

        await db.schema.alterTable('audit_log').addColumn('hire_id', 'text').execute();
        await sql`UPDATE audit_log SET hire_id = target WHERE target IN (SELECT id FROM hires)`.execute(db);
        await sql`UPDATE audit_log SET hire_id = (SELECT r.hire_id FROM reports r WHERE r.id = audit_log.target)
          WHERE hire_id IS NULL AND target IN (SELECT id FROM reports)`.execute(db);
        await db.schema.createIndex('audit_by_hire').on('audit_log').columns(['hire_id', 'id']).execute();

        await db.schema
          .alterTable('webhook_deliveries')
          .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await sql`UPDATE webhook_deliveries SET created_at = COALESCE(
          (SELECT r.received_at FROM reports r WHERE r.id = webhook_deliveries.report_id), '')`.execute(db);
        await db.schema
          .createIndex('deliveries_newest')
          .on('webhook_deliveries')
          .columns(['created_at', 'id'])
          .execute();
        await db.schema
          .createIndex('deliveries_by_report')
          .on('webhook_deliveries')
          .columns(['webhook_id', 'report_id'])
          .execute();

        await db.schema
          .alterTable('jobs')
          .addColumn('fair_key', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        // Waiting jobs only (done ones pile up): the oldest of a kind, and an owner's oldest.
        await db.schema
          .createIndex('jobs_waiting')
          .on('jobs')
          .columns(['kind', 'run_at'])
          .where(sql<boolean>`done_at IS NULL`)
          .execute();
        await db.schema
          .createIndex('jobs_waiting_by_owner')
          .on('jobs')
          .columns(['kind', 'fair_key', 'run_at'])
          .where(sql<boolean>`done_at IS NULL`)
          .execute();

        await db.schema
          .createTable('rate_limits')
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('period', 'integer', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('rate_limits_key', ['key', 'period'])
          .execute();
        await db.schema.createIndex('rate_limits_by_period').on('rate_limits').column('period').execute();
      },
    },
    '006-farm-signals': {
      /*
       * Farm signals: what each hire's reports share with other hires' (hardware ids, where the
       * server saw them from) as keyed hashes, found by index as reports arrive, and the links
       * between hires they make. The hashing key is the server's own, sealed with the photo key.
       */
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('server_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('sealed', sql.raw(bytes), (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('farm_marks')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('mark', 'text', (c) => c.notNull())
          .addColumn('hire_id', 'text', (c) => c.notNull().references('hires.id'))
          .addColumn('shown', 'text', (c) => c.notNull())
          .addColumn('first_seen_at', 'text', (c) => c.notNull())
          .addColumn('last_seen_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('farm_marks_key', ['kind', 'mark', 'hire_id'])
          .execute();
        await db.schema.createIndex('farm_marks_by_hire').on('farm_marks').column('hire_id').execute();
        // Retention forgets places once older than the window: found by kind and age.
        await db.schema
          .createIndex('farm_marks_by_age')
          .on('farm_marks')
          .columns(['kind', 'last_seen_at'])
          .execute();
        await db.schema
          .createTable('hire_links')
          .addColumn('hire_id', 'text', (c) => c.notNull().references('hires.id'))
          .addColumn('other_hire_id', 'text', (c) => c.notNull().references('hires.id'))
          .addColumn('signal', 'text', (c) => c.notNull())
          .addColumn('evidence', 'text', (c) => c.notNull())
          .addColumn('found_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('hire_links_key', ['hire_id', 'other_hire_id', 'signal'])
          .execute();
        await db.schema
          .createIndex('hire_links_newest')
          .on('hire_links')
          .columns(['found_at', 'hire_id'])
          .execute();
        await db.schema.createIndex('hire_links_by_other').on('hire_links').column('other_hire_id').execute();
      },
    },
    '007-sso': {
      /*
       * Sign-in with an OpenID provider, and roles. API tokens carry a role (those from before
       * were HR's only kind: hr-admin); a session holds the role it was opened with, and the
       * person (email) it is for when opened through the provider, whose ID token it keeps as the
       * hint for signing out there too. `people` holds the roles HR assigns by email; the
       * provider's groups win over them. `sign_in_attempts` are the provider sign-ins under way
       * (PKCE verifier, nonce), each found by its state's hash and used once.
       */
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('admin_tokens')
          .addColumn('role', 'text', (c) => c.notNull().defaultTo('hr-admin'))
          .execute();
        await db.schema.alterTable('sessions').addColumn('role', 'text').execute();
        await db.schema.alterTable('sessions').addColumn('person', 'text').execute();
        await db.schema.alterTable('sessions').addColumn('id_token', 'text').execute();
        await db.schema
          .createTable('people')
          .addColumn('email', 'text', (c) => c.primaryKey())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('assigned_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sign_in_attempts')
          .addColumn('state_hash', 'text', (c) => c.primaryKey())
          .addColumn('code_verifier', 'text', (c) => c.notNull())
          .addColumn('nonce', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '008-hire-life-cycle': {
      /*
       * The hire's life cycle and invitations by email: codes HR voided by issuing a new one,
       * devices revoked by a replacement or offboarding, the HR system's employee id, and each
       * message handed to the mail server with what it answered.
       */
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('enrolment_codes').addColumn('voided_at', 'text').execute();
        await db.schema.alterTable('devices').addColumn('revoked_at', 'text').execute();
        await db.schema.alterTable('hires').addColumn('external_id', 'text').execute();
        await db.schema.alterTable('roster').addColumn('external_id', 'text').execute();
        // Unique when set; hires without one (NULL) do not collide on either database.
        await db.schema
          .createIndex('hires_by_external_id')
          .on('hires')
          .column('external_id')
          .unique()
          .execute();
        await db.schema
          .createTable('mail_deliveries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('hire_id', 'text', (c) => c.notNull().references('hires.id'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('recipient', 'text', (c) => c.notNull())
          .addColumn('due_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('response', 'text')
          .addColumn('finished_at', 'text')
          .addColumn('sealed_code', sql.raw(bytes))
          .execute();
        await db.schema
          .createIndex('mail_deliveries_by_hire')
          .on('mail_deliveries')
          .columns(['hire_id', 'created_at'])
          .execute();
        // One reminder per hire and due date, however often the sweep runs or how many servers run it.
        await db.schema
          .createIndex('mail_reminders_once')
          .on('mail_deliveries')
          .columns(['hire_id', 'kind', 'due_at'])
          .unique()
          .execute();
      },
    },
    '009-farm-lan': {
      /*
       * HR settles a link: dismissed (who, when, why) on both of its rows, kept so the same
       * evidence never raises it again. (The LAN probe's gateway and Wi-Fi marks need no column.)
       */
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('hire_links').addColumn('dismissed_at', 'text').execute();
        await db.schema.alterTable('hire_links').addColumn('dismissed_by', 'text').execute();
        await db.schema.alterTable('hire_links').addColumn('dismissal_reason', 'text').execute();
      },
    },
  };
}

export function migrationProvider(dialect: Dialect, seal?: PhotoSeal): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect, seal)) };
}
