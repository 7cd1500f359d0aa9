import type { MailDelivery } from './api';
import { formatTime } from './format';

const STATUS_WORDS: Record<MailDelivery['status'], string> = {
  queued: 'waiting to be sent',
  accepted: 'accepted by the mail server',
  refused: 'refused by the mail server',
  failed: 'not sent: the mail server could not be reached',
  voided: 'not sent: a newer code replaced it',
};

/** The hire's invitations and reminders, newest first, with the mail server's own answer. */
export function MailDeliveries({ mail }: { mail: MailDelivery[] }) {
  if (mail.length === 0) return <p>No email sent to this hire.</p>;
  return (
    <div className="table-scroll">
      <table className="mail">
        <caption className="visually-hidden">Email to the hire</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">To</th>
            <th scope="col">Outcome</th>
            <th scope="col">Mail server’s answer</th>
          </tr>
        </thead>
        <tbody>
          {mail.map((m) => (
            <tr key={m.id}>
              <td>
                <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
              </td>
              <td>{m.kind}</td>
              <td>{m.to}</td>
              <td>
                {STATUS_WORDS[m.status]}
                {m.attempts > 1 ? ` (${m.attempts} tries)` : ''}
              </td>
              <td>{m.response ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
