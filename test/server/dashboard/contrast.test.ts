import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** The palette's custom properties in one scheme: `:root { --name: #rrggbb; }`. */
function palette(css: string): Record<string, string> {
  const entries = [...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/g)].map((m): [string, string] => [
    m[1] ?? '',
    m[2] ?? '',
  ]);
  return Object.fromEntries(entries);
}

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** Text on its background (4.5:1, WCAG AA) and marks that carry meaning: bars, focus ring (3:1). */
const TEXT: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['accent-text', 'accent'],
  ['pass-fg', 'pass-bg'],
  ['review-fg', 'review-bg'],
  ['fail-fg', 'fail-bg'],
  ['neutral-fg', 'neutral-bg'],
  ['overdue-fg', 'overdue-bg'],
  ['pass-fg', 'surface'],
  ['review-fg', 'surface'],
  ['fail-fg', 'surface'],
];
const MARKS: [string, string][] = [
  ['pass', 'surface'],
  ['review', 'surface'],
  ['fail', 'surface'],
  ['focus', 'bg'],
  ['focus', 'surface'],
];

describe('the palette of the app and the dashboard', async () => {
  const css = await readFile('renderer/ui/palette.css', 'utf8');
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const schemes = {
    light: palette(css.slice(0, darkStart)),
    dark: palette(css.slice(darkStart, css.indexOf('\n}\n', darkStart))),
  };

  it.each(Object.entries(schemes))('meets WCAG AA contrast in the %s scheme', (_scheme, colours) => {
    const below = [
      ...TEXT.map(([fg, bg]) => ({ fg, bg, ratio: contrast(colours[fg]!, colours[bg]!), need: 4.5 })),
      ...MARKS.map(([fg, bg]) => ({ fg, bg, ratio: contrast(colours[fg]!, colours[bg]!), need: 3 })),
    ].filter((pair) => !(pair.ratio >= pair.need));
    expect(below).toEqual([]);
  });

  it('defines every colour in both schemes', () => {
    expect(Object.keys(schemes.dark).sort()).toEqual(Object.keys(schemes.light).sort());
    expect(Object.keys(schemes.light).length).toBeGreaterThan(20);
  });
});
