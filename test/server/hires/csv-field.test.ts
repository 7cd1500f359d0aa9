import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../../server/hires/export-routes';

const FORMULA = /^[=+\-@\t\r]/;

/**
 * How a spreadsheet splits a CSV line on `separator`: a cell that starts with a quote runs to the
 * closing quote (`""` is a quote), anything after it up to the separator is added; any other cell
 * runs to the separator. Rows end at a line break outside quotes.
 */
function cells(text: string, separator: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let value = '';
    if (text[i] === '"') {
      i += 1;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else value += text[i++];
      }
    }
    while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r')
      value += text[i++];
    out.push(value);
    i += 1;
  }
  return out;
}

describe('a CSV field', () => {
  it('never starts a cell with a formula, whether the spreadsheet splits on "," or ";"', () => {
    const tricky = fc.constantFrom('=', '+', '-', '@', ',', ';', '"', '\t', '\r', '\n', ' ', 'a', '1');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: tricky, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        (fields) => {
          const line = fields.map(csvField).join(',');
          for (const separator of [',', ';'])
            for (const cell of cells(line, separator)) expect(cell).not.toMatch(FORMULA);
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('reads back as the same fields where the spreadsheet splits on ","', () => {
    const fields = ['Ana Lima', 'lima, ana', 'say "hi"', 'x;y'];
    expect(cells(fields.map(csvField).join(','), ',')).toEqual(fields);
  });

  it('neutralises the cases the locales differ on', () => {
    expect(csvField(';=1+1;')).toBe(`";'=1+1;"`);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('a,@SUM(A1)')).toBe(`"a,'@SUM(A1)"`);
    expect(csvField('Mary-Jane O’Neil')).toBe('Mary-Jane O’Neil');
    expect(csvField(null)).toBe('');
  });
});
