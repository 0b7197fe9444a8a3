import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedDraws } from '../../src/pipeline/keyed-draws.ts';

/** Names as the pipeline makes them: a fact's table, level, code, year and dimensions, then a measure. */
const cellNames = Array.from({ length: 60_000 }, (_, i) => {
  const commune = String(20_000 + (i % 3_000)).padStart(5, '0');
  const year = 2021 + (Math.floor(i / 3_000) % 5);
  return `poverty|commune|${commune}|${year}|national|${['poor', 'near_poor', 'households', 'poor_start'][Math.floor(i / 15_000)]}`;
});

describe('keyed draws', () => {
  it('gives every name a number in [0, 1), the same for the same key and name whatever else is drawn', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { minLength: 1, maxLength: 20 }), (key, names) => {
        const all = keyedDraws(key, names.length, (i) => names[i]);
        for (const d of all) expect(d >= 0 && d < 1).toBe(true);
        names.forEach((name, i) => {
          expect(keyedDraws(key, 1, () => name)[0]).toBe(all[i]);
        });
      }),
    );
  });

  it('draws a name given as a prefix and the rest as the whole name, however it is cut and whatever came before', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.string(), fc.string()), { minLength: 1, maxLength: 20 }), (key, parts) => {
        const whole = keyedDraws(key, parts.length, (i) => parts[i].join(''));
        const cut = keyedDraws(
          key,
          parts.length,
          (i) => parts[i][1],
          (i) => parts[i][0],
        );
        expect([...cut]).toEqual([...whole]);
      }),
    );
    // Names that share their prefix one after another, as a fact's measures do.
    const facts = cellNames.map((n) => n.slice(0, n.lastIndexOf('|') + 1));
    const measures = cellNames.map((n) => n.slice(n.lastIndexOf('|') + 1));
    expect([
      ...keyedDraws(
        'a secret',
        cellNames.length,
        (i) => measures[i],
        (i) => facts[i],
      ),
    ]).toEqual([...keyedDraws('a secret', cellNames.length, (i) => cellNames[i])]);
  });

  it('draws the pipeline’s names evenly and apart: no two alike, each tenth of [0, 1) as often as chance has it', () => {
    const draws = keyedDraws('a secret', cellNames.length, (i) => cellNames[i]);
    expect(new Set(draws).size).toBe(cellNames.length);
    const tenths = new Array(10).fill(0);
    for (const d of draws) tenths[Math.floor(d * 10)] += 1;
    // 6.000 expected in each; four standard deviations of a binomial count is about 300.
    for (const n of tenths) expect(Math.abs(n - 6_000)).toBeLessThan(300);
  });

  it('draws afresh under another key: a reader without the key learns nothing from one with another', () => {
    const a = keyedDraws('key one', cellNames.length, (i) => cellNames[i]);
    const b = keyedDraws('key two', cellNames.length, (i) => cellNames[i]);
    let sameSide = 0;
    a.forEach((d, i) => {
      if (d < 0.5 === b[i] < 0.5) sameSide += 1;
    });
    // Half the names fall on the same side of ½ by chance alone.
    expect(Math.abs(sameSide / a.length - 0.5)).toBeLessThan(0.02);
  });
});
