import { describe, expect, it } from 'vitest';
import { checks } from '../../../main/checks/catalogue';

/**
 * A title sits beside its badge ("Failed – Remote-control software"), so it names what is checked;
 * a title that states the passing condition reads wrong beside Warning or Failed.
 */
describe('check titles', () => {
  it.each(checks.map((c) => [c.id, c.title]))('%s: "%s" names a subject, not an outcome', (_id, title) => {
    expect(title).not.toMatch(/\b(no|not|nothing|never|is|are|comes?|running|open)\b/i);
    expect(title.length).toBeLessThanOrEqual(40);
  });

  it('are all different', () => {
    expect(new Set(checks.map((c) => c.title)).size).toBe(checks.length);
  });
});
