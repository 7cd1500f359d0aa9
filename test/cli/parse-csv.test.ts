import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../main/cli/parse-csv';

describe('parseCsv', () => {
  it('splits rows and fields, keeping the line each row starts on', () => {
    expect(parseCsv('id,probe\r\na.jpg,b.jpg\n\nc.jpg,d.jpg')).toEqual([
      { line: 1, fields: ['id', 'probe'] },
      { line: 2, fields: ['a.jpg', 'b.jpg'] },
      { line: 4, fields: ['c.jpg', 'd.jpg'] },
    ]);
  });

  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('"a, b.jpg","say ""hi""\nthere"\nx,y\n')).toEqual([
      { line: 1, fields: ['a, b.jpg', 'say "hi"\nthere'] },
      { line: 3, fields: ['x', 'y'] },
    ]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('id,probe\n"a.jpg,b.jpg\n')).toThrow(
      /unterminated quoted field starting on line 2/,
    );
  });
});
