import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every built file that draws the map of Vietnam: pages, embeds and downloadable SVGs, in both languages. */
function nationalMapFiles(): string[] {
  const years = readdirSync('dist/national').filter((y) => /^\d{4}$/.test(y));
  return years
    .flatMap((y) => [
      `dist/national/${y}/index.html`,
      `dist/en/national/${y}/index.html`,
      `dist/embed/vi/national/${y}/map/index.html`,
      `dist/embed/en/national/${y}/map/index.html`,
      `dist/figures/vi/national/${y}/map/chart.svg`,
      `dist/figures/en/national/${y}/map/chart.svg`,
    ])
    .concat(['dist/national/index.html', 'dist/en/national/index.html']);
}

describe('every national map, embed and exported SVG shows and names Hoàng Sa and Trường Sa', () => {
  it.each(nationalMapFiles())('%s', (file) => {
    expect(existsSync(file), file).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.match(/data-archipelago="hoang-sa"/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(text.match(/data-archipelago="truong-sa"/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    const english = file.includes('/en/');
    expect(text).toContain(english ? 'Hoàng Sa Archipelago' : 'Quần đảo Hoàng Sa');
    expect(text).toContain(english ? 'Trường Sa Archipelago' : 'Quần đảo Trường Sa');
    expect(text).toContain('(Đà Nẵng)');
    expect(text).toContain('(Khánh Hòa)');
    expect(text).not.toMatch(/Paracel|Spratly/i);
  });
});

describe('exported figures say where they come from once', () => {
  const svgs = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? svgs(join(dir, e.name)) : e.name === 'chart.svg' ? [join(dir, e.name)] : [],
    );
  it('no SVG says "Nguồn: Nguồn:" or "Source: Source:", and every one names its source', () => {
    const files = svgs('dist/figures');
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/Nguồn: Nguồn|Source: Source/);
      expect(text, f).toMatch(f.includes('/vi/') ? /Nguồn: / : /Source: /);
    }
  });
});

describe('no page shows a value that went missing on the way', () => {
  const pages = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? e.name === 'data' || e.name === '_astro'
          ? []
          : pages(join(dir, e.name))
        : e.name === 'index.html'
          ? [join(dir, e.name)]
          : [],
    );
  it('no text or attribute of any built page reads "undefined" or "NaN"', () => {
    const bad = pages('dist').filter((f) => /(>|")[^<"]*\b(undefined|NaN)\b/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
