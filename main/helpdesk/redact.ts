/** Who and what to hide in anything that leaves the device for a ticket. */
export interface RedactionContext {
  homeDir: string;
  userName: string;
  hireName: string | null;
}

/** Keys whose values never leave in a helpdesk bundle: biometrics, signed reports, secrets. */
const DROPPED_KEYS = /^(face|frames|faceDescriptor|descriptor|liveness|jws|privateKey)$/i;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A deep copy with the user's home folder, login name, the hire's name and e-mail addresses
 * replaced, and biometric or secret fields removed. Short names (< 3 letters) are left alone:
 * replacing them would garble every other word.
 */
export function redact(value: unknown, context: RedactionContext): unknown {
  const replacements: [RegExp, string][] = [[EMAIL, '<email>']];
  if (context.homeDir.length > 1) replacements.push([new RegExp(escape(context.homeDir), 'g'), '~']);
  if (context.hireName && context.hireName.length >= 3)
    replacements.push([new RegExp(escape(context.hireName), 'gi'), '<hire>']);
  if (context.userName.length >= 3)
    replacements.push([new RegExp(`\\b${escape(context.userName)}\\b`, 'g'), '<user>']);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return replacements.reduce((s, [pattern, by]) => s.replace(pattern, by), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([key]) => !DROPPED_KEYS.test(key))
          .map(([key, inner]) => [key, walk(inner)]),
      );
    }
    return v;
  };
  return walk(value);
}

export const REDACTIONS = [
  'home folder → ~',
  'login name → <user>',
  "hire's name → <hire>",
  'e-mail addresses → <email>',
  'removed: face frames, face descriptors, liveness traces, signed reports, keys',
  'raw outputs: command-line arguments cut to the program, process environments left out',
];
