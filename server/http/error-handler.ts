import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { BadCursor } from '../db/pages';
import { ApiFailure } from './api-failure';
import { tooMany } from './request-limits';

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported-media-type'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.too-large'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed-json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.malformed-json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.malformed'],
  FST_ERR_VALIDATION: [400, 'request.invalid'],
};

const send = (reply: FastifyReply, failure: ApiFailure) =>
  reply
    .status(failure.status)
    .headers(failure.headers)
    .send({ error: { code: failure.code, message: failure.message } });

/** Every error leaves as `{error: {code, message}}`; a 5xx never shows internals. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // An address over its allowance learns nothing more from a refused request than that.
    if (request.addressOver && !request.proven && !(error instanceof ApiFailure && error.status === 429))
      return send(reply, tooMany(60));
    if (error instanceof ApiFailure) return send(reply, error);
    if (error instanceof BadCursor) {
      return reply.status(400).send({ error: { code: 'request.invalid', message: error.message } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = first?.instancePath
        ? first.instancePath.replace(/^\//, '').replace(/\//g, '.')
        : (error.validationContext ?? 'body');
      return reply
        .status(400)
        .send({ error: { code: 'request.invalid', message: `${where}: ${first?.message ?? 'invalid'}` } });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.status(known[0]).send({ error: { code: known[1], message: error.message } });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: 'request.invalid', message: error.message } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'the server failed; the request was not applied' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'not-found',
        message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      },
    }),
  );
}
