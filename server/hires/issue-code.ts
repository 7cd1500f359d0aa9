import type { Transaction } from 'kysely';
import type { EnrolmentCodeIssued } from '../../main/contract/hr-api';
import type { ServerContext } from '../context';
import type { Database } from '../db/schema';
import { ApiFailure } from '../http/api-failure';
import { queueMail, voidQueuedInvitations } from '../mail/mail-queries';
import { newEnrolmentCode } from './enrolment-code';

/**
 * A new code that enrols the hire's app, in the caller's transaction: the hire's unused codes and
 * the invitations still waiting with them are voided first, so only the newest code enrols.
 * `email`: the code also goes to the hire in an invitation, sent by a job.
 */
export async function issueHireCode(
  trx: Transaction<Database>,
  context: ServerContext,
  hire: { id: string; email: string },
  email: boolean,
): Promise<EnrolmentCodeIssued> {
  if (email && !context.mail)
    throw new ApiFailure(
      409,
      'mail.not-configured',
      'this service has no mail server set up (HIREPROOF_SMTP_URL and the policy’s invitations): give the hire the code yourself',
    );
  const now = context.now();
  await trx
    .updateTable('enrolment_codes')
    .set({ voided_at: now.toISOString() })
    .where('hire_id', '=', hire.id)
    .where('purpose', '=', 'hire')
    .where('used_at', 'is', null)
    .where('voided_at', 'is', null)
    .execute();
  await voidQueuedInvitations(trx, hire.id, now);
  const { code, hash } = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + context.policy.enrolmentCodeDays * 86_400_000).toISOString();
  await trx
    .insertInto('enrolment_codes')
    .values({ code_hash: hash, hire_id: hire.id, expires_at: expiresAt, used_at: null, purpose: 'hire' })
    .execute();
  const invitation = email
    ? await queueMail(trx, context.jobs, {
        hireId: hire.id,
        kind: 'invitation',
        to: hire.email,
        sealedCode: context.seal.seal(Buffer.from(code)),
        dueAt: null,
        at: now,
      })
    : null;
  return { id: hire.id, code, codeExpiresAt: expiresAt, invitation };
}
