/**
 * Every column that holds sealed bytes, in one place: the start-up key check opens one of them,
 * and a key rotation re-seals all of them. Each table's rows are named by `id`.
 */
export const SEALED_COLUMNS = [
  { table: 'seal_check', column: 'sealed' },
  { table: 'hires', column: 'id_photo' },
  { table: 'hires', column: 'face_template' },
  { table: 'reports', column: 'frames' },
  { table: 'reports', column: 'liveness_trace' },
  { table: 'webhooks', column: 'sealed_secret' },
  { table: 'server_keys', column: 'sealed' },
] as const;
