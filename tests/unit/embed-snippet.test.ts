import { describe, expect, it } from 'vitest';
import { iframeSnippet, MAX_EMBED_HEIGHT } from '../../src/lib/embed.ts';

/** Parses the snippet as a CMS page would and returns the iframe's attributes. */
const attributes = (html: string) => {
  const tag = /<iframe([^>]*)>/.exec(html)![1];
  return Object.fromEntries([...tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
};

describe('the embed snippet', () => {
  it('escapes every attribute: a hostile version or title cannot add an attribute or a tag', () => {
    const html = iframeSnippet(
      'https://atlas.example/embed/v/1" onload="alert(document.domain)" x="/vi/map/',
      'Tỷ lệ "nghèo" <script>',
      420.6,
    );
    const a = attributes(html);
    expect(Object.keys(a)).toEqual(['src', 'title', 'width', 'height', 'loading', 'style']);
    expect(a.src).toBe('https://atlas.example/embed/v/1&quot; onload=&quot;alert(document.domain)&quot; x=&quot;/vi/map/');
    expect(a.title).toBe('Tỷ lệ &quot;nghèo&quot; &lt;script&gt;');
    expect(a.height).toBe('421');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('listens only to its own iframe, from the atlas origin, and clamps the height', () => {
    const html = iframeSnippet('https://atlas.example/embed/vi/x/', 'x', 400);
    expect(html).toContain('e.source !== frame.contentWindow');
    expect(html).toContain('e.origin !== new URL(frame.src, location.href).origin');
    expect(html).toContain(`Math.min(d.height, ${MAX_EMBED_HEIGHT})`);
    expect(html).toContain('isFinite(d.height)');
  });
});
