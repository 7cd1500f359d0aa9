import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hrApi } from '../../main/contract/hr-api';
import { requireAdmin } from '../auth/admin-auth';
import type { ServerContext } from '../context';
import { columns } from '../db/codecs';
import { ApiFailure } from '../http/api-failure';
import { imageType } from './image-type';

/** Biometric data must not linger in a browser's or a proxy's cache. */
const uncached = (reply: FastifyReply) =>
  reply.header('cache-control', 'no-store').header('pragma', 'no-cache');

const deleted = (code: string, what: string, on: string) =>
  new ApiFailure(410, code, `${what} deleted on ${on} under the retention policy`);

/**
 * HR sees the hire's ID photo and a report's face frames, decrypted, while the retention policy
 * keeps them. Every look is audited; nothing is cached.
 */
export function photoRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const { photo: photoRoute, frames: framesRoute } = hrApi;
  api.get(
    photoRoute.path,
    { schema: { params: photoRoute.params }, config: { raw: true } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const hire = await db
        .selectFrom('hires')
        .select(['id', 'id_photo', 'photos_deleted_at'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!hire) throw new ApiFailure(404, 'hire.unknown', 'no such hire');
      if (!hire.id_photo)
        throw deleted('id-photo.deleted', 'the ID photo was', hire.photos_deleted_at ?? 'an unknown date');
      const photo = context.seal.open(hire.id_photo);
      await context.auditRead({
        actor,
        action: 'hire.photo.view',
        target: hire.id,
        hire: hire.id,
        at: context.now(),
      });
      return uncached(reply)
        .header('content-type', imageType(photo) ?? 'application/octet-stream')
        .send(photo);
    },
  );

  api.get(
    framesRoute.path,
    { schema: { params: framesRoute.params, response: { 200: framesRoute.response } } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const report = await db
        .selectFrom('reports')
        .select(['reports.id', 'reports.hire_id', 'reports.frames', 'reports.biometrics_deleted_at'])
        .where('reports.id', '=', request.params.id)
        .executeTakeFirst();
      if (!report) throw new ApiFailure(404, 'report.unknown', 'no such report');
      if (report.biometrics_deleted_at)
        throw deleted('face-frames.deleted', 'the face frames were', report.biometrics_deleted_at);
      const frames = report.frames
        ? columns.reportFrames.decode(context.seal.open(report.frames).toString('utf8'))
        : [];
      await context.auditRead({
        actor,
        action: 'report.frames.view',
        target: report.id,
        hire: report.hire_id,
        detail: { frames: frames.length },
        at: context.now(),
      });
      return uncached(reply).send({
        reportId: report.id,
        frames: frames.map((data) => ({
          mediaType: imageType(Buffer.from(data.slice(0, 16), 'base64')) ?? 'application/octet-stream',
          data,
        })),
      });
    },
  );
}
