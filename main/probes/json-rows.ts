/** Reading loosely typed JSON (ConvertTo-Json, system_profiler -json) without trusting its shape. */

export type JsonRow = Record<string, unknown>;

function isRow(value: unknown): value is JsonRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ConvertTo-Json prints a bare object, not a one-item array, when the pipeline held one item. */
export function rowsOf(value: unknown): JsonRow[] {
  if (Array.isArray(value)) return value.filter(isRow);
  return isRow(value) ? [value] : [];
}

export function field(value: unknown, key: string): unknown {
  return isRow(value) ? value[key] : undefined;
}

export function text(row: JsonRow, key: string): string | null {
  const value = row[key];
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

export function integer(row: JsonRow, key: string): number | null {
  const value = row[key];
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

export function flag(row: JsonRow, key: string): boolean | null {
  const value = row[key];
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'True' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'False' || value === 'false') return false;
  return null;
}

export function strings(row: JsonRow, key: string): string[] {
  const value = row[key];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
