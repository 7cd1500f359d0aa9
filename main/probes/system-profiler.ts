import { field, rowsOf, type JsonRow } from './json-rows';

/** `system_profiler -json SPxDataType`: `{ "SPxDataType": [ … ] }`. */
export function profilerItems(report: unknown, dataType: string): JsonRow[] {
  return rowsOf(field(report, dataType));
}

/** system_profiler's own tokens (`spdisplays_yes`, `spdisplays_internal`) without their prefix. */
export function profilerToken(value: string | null, prefix: string): string | null {
  return value === null ? null : value.replace(new RegExp(`^${prefix}_?`), '');
}
