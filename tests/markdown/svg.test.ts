import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { staticSvg } from '../../src/markdown/svg.js';

const hostile = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY lol "lol">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50" onload="alert(1)">
  <script>alert(2)</script>
  <script xlink:href="https://evil.example/x.js"/>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#2563eb"/></linearGradient></defs>
  <rect width="100" height="20" fill="url(#g)" onclick="alert(3)" style="stroke: red"/>
  <rect width="10" height="10" fill="url(https://evil.example/p.svg#x)" style="background: url(https://evil.example/bg.png)"/>
  <a href="javascript:alert(4)" xlink:href="javascript:alert(5)"><text x="5" y="40" font-size="12">Escalations &amp; more</text></a>
  <use href="#g"/><use xlink:href="https://evil.example/sprite.svg#icon"/>
  <image href="https://evil.example/track.png"/><image href="data:image/png;base64,iVBORw0KGgo="/>
  <image href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+"/>
  <set attributeName="href" to="javascript:alert(6)"/><animate attributeName="onload" to="alert(7)"/>
  <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
  <style>circle { fill: url(#g) }</style>
  <feImage href="https://evil.example/f.png"/>
  <style>&lt;script href="https://evil.example/x.js"/&gt;</style>
  <style><script>alert(8)</script><rect width="1" height="1"/></style>
  <foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"/></body></foreignObject>
</svg>`;

describe('an SVG a plan links to is published static', () => {
  const svg = staticSvg(hostile);
  const tree = fromHtml(svg, { fragment: true });

  test('no script, handler, foreign content, animation, link or outside URL is left', () => {
    expect(svg).not.toMatch(/script|onload|onclick|foreignObject|iframe|javascript|evil\.example|@import|<set|<animate|<a\b|feImage|svg\+xml|xlink/i);
  });

  test('shapes, text, gradients, internal references and embedded raster images stay', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">')).toBe(true);
    expect(selectAll('rect', tree)).toHaveLength(2);
    expect(svg).toContain('fill="url(#g)"');
    expect(svg).toContain('style="stroke: red"');
    expect(svg).toContain('Escalations &#x26; more');
    expect(svg).toContain('<use href="#g"/>');
    expect(svg).toContain('href="data:image/png;base64,iVBORw0KGgo="');
    expect(svg).toContain('<style>circle { fill: url(#g) }</style>');
    // A style whose text holds markup is emptied: the XML parser that opens the file would read it as elements.
    expect(svg.match(/<style\/>|<style><\/style>/g)).toHaveLength(3);
  });

  test('a file without an svg element, or nested too deep to read, becomes an empty drawing', () => {
    const empty = '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n';
    expect(staticSvg('<html><script>alert(1)</script></html>')).toBe(empty);
    expect(staticSvg(`<svg>${'<g>'.repeat(200_000)}<script>alert(1)</script></svg>`)).toBe(empty);
  });
});
