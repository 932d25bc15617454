import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { createHtmlRenderer } from '../../src/markdown/html.js';
import { parseText } from '../support/plans.js';

const safe = createHtmlRenderer({ allowRawHtml: false });
const raw = createHtmlRenderer({ allowRawHtml: true });
const bodyOf = (markdown: string, renderer = safe): string => {
  const tree = parseText(`---\ntitle: T\n---\n${markdown}`).body;
  if (!tree) throw new Error('no body');
  return renderer.body(tree);
};
const dom = (html: string) => fromHtml(html, { fragment: true });

describe('the body', () => {
  test('GFM renders: tables, task lists, strikethrough, autolinks, footnotes', () => {
    const html = bodyOf('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\n~~old~~ www.example.com and https://example.org and a note[^1]\n\n[^1]: A note.\n');
    const tree = dom(html);
    expect(selectAll('table td', tree)).toHaveLength(2);
    expect(selectAll('input[type=checkbox][disabled]', tree).map((box) => box.properties.ariaLabel)).toEqual(['done', 'open']);
    expect(selectAll('del', tree)).toHaveLength(1);
    expect(selectAll('a[href="http://www.example.com"], a[href="https://example.org"]', tree)).toHaveLength(2);
    expect(selectAll('section[data-footnotes] li', tree)).toHaveLength(1);
  });

  test('headings start at h3 under the page’s own h1 and h2', () => {
    const tree = dom(bodyOf('# One\n\n## Two\n\n###### Six\n'));
    expect(selectAll('h1, h2', tree)).toHaveLength(0);
    expect(selectAll('h3', tree)).toHaveLength(1);
    expect(selectAll('h4', tree)).toHaveLength(1);
    expect(selectAll('h6', tree)).toHaveLength(1);
  });

  test('the frontmatter never appears in the body', () => {
    expect(bodyOf('Text.\n')).toBe('<p>Text.</p>');
  });

  test('remote images become links: nothing is loaded from the internet', () => {
    const tree = dom(bodyOf('![a chart](https://example.com/chart.png)\n'));
    expect(selectAll('img', tree)).toHaveLength(0);
    expect(selectAll('a[href="https://example.com/chart.png"]', tree)).toHaveLength(1);
  });
});

describe('unsafe input never reaches the page', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
    '<style>body{display:none}</style>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<svg><script>alert(1)</script></svg>',
    '<form action="https://evil.example"><input name=x></form>',
    '<base href="https://evil.example/">',
  ].join('\n\n');
  const links = [
    '[a](javascript:alert(1))',
    '[b](JaVaScRiPt:alert(1))',
    '[c](data:text/html;base64,PHNjcmlwdD4=)',
    '[d](file:///etc/passwd)',
    '[e](vbscript:msgbox(1))',
    '![f](javascript:alert(1))',
    '[g](java\tscript:alert(1))',
    '<javascript:alert(1)>',
  ].join('\n\n');

  test.each([
    ['dropped by default', safe],
    ['allowed but sanitized', raw],
  ])('raw HTML %s: no script, handler, iframe, refresh, style or form', (_, renderer) => {
    const html = bodyOf(`${hostile}\n\n${links}\n`, renderer);
    const tree = dom(html);
    expect(selectAll('script, iframe, meta, style, object, embed, form, base, svg', tree)).toHaveLength(0);
    const attributes = selectAll('*', tree).flatMap((element) => Object.entries(element.properties));
    expect(attributes.filter(([name]) => /^on/i.test(name))).toEqual([]);
    const urls = attributes.filter(([name]) => name === 'href' || name === 'src').map(([, value]) => String(value));
    expect(urls.filter((url) => /^\s*(javascript|vbscript|data|file)/i.test(url.replace(/[\t\n\r]/g, '')))).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  test('upper-case safe schemes stay links', () => {
    const tree = dom(bodyOf('[x](HTTPS://example.org/) [y](MailTo:me@example.org)\n'));
    expect(selectAll('a[href="https://example.org/"], a[href="mailto:me@example.org"]', tree)).toHaveLength(2);
  });

  test('nothing from outside the site is loaded, whatever form its URL takes', () => {
    const markdown = [
      '![a](http:example.com/a.png) ![b](http:/b.png) ![c](//example.com/c.png) <img src="ht&#9;tp://example.com/d.png" alt="d">',
      '<img src="\\\\example.com\\e.png" alt="e">',
      '<picture><source srcset="https://example.com/p.webp 1x, local.png 2x"><img src="https://example.com/i.png" srcset="https://example.com/i2.png 2x"></picture>',
      '<p style="background: url(https://example.com/bg.png)">styled</p>',
      '<video poster="https://example.com/v.png" src="https://example.com/v.mp4"></video>',
    ].join('\n\n');
    const html = bodyOf(`${markdown}\n`, raw);
    const tree = dom(html);
    const loading = selectAll('img, source, video, audio, picture img', tree).flatMap((element) => [element.properties.src, element.properties.srcSet].flat());
    expect(loading.filter((url) => url !== undefined)).toEqual([]);
    expect(html).not.toMatch(/url\(|poster|srcset/i);
    expect(selectAll('a[href="http:example.com/a.png"], a[href="http:/b.png"], a[href="//example.com/c.png"], a[href="http://example.com/d.png"]', tree)).toHaveLength(4);
  });

  test('allowed raw HTML keeps its harmless parts', () => {
    const tree = dom(bodyOf('<details><summary>More</summary>\n\nHidden <kbd>Ctrl</kbd>\n\n</details>\n', raw));
    expect(selectAll('details summary', tree)).toHaveLength(1);
    expect(selectAll('kbd', tree)).toHaveLength(1);
  });

  test('template syntax in a plan stays text', () => {
    expect(bodyOf('{{constructor.constructor "alert(1)"}} {{> layout}}\n')).toBe('<p>{{constructor.constructor "alert(1)"}} {{> layout}}</p>');
  });
});

describe('inline strings', () => {
  test('one paragraph renders without its p element', () => {
    expect(safe.inline('Lead a **small** team')).toBe('Lead a <strong>small</strong> team');
  });

  test('hostile inline text is sanitized too', () => {
    const html = safe.inline('Hi <img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(html).not.toMatch(/onerror|javascript:|<img/i);
  });

  test('local URLs go through the rewrite as in the body; without one they are dropped', () => {
    const seen: string[] = [];
    const rewrite = (url: string, kind: 'link' | 'image'): string | undefined => {
      seen.push(`${kind} ${url}`);
      return url === 'ok.txt' ? 'media/ok.txt' : undefined;
    };
    const text = '[ok](ok.txt) [p](_p.txt) ![i](https://example.com/i.png) [web](https://example.com/)';
    expect(safe.inline(text, rewrite)).toBe(
      '<a href="media/ok.txt">ok</a> <a>p</a> <a href="https://example.com/i.png">i</a> <a href="https://example.com/">web</a>',
    );
    expect(seen).toEqual(['link ok.txt', 'link _p.txt']);
    expect(safe.inline('[ok](ok.txt)')).toBe('<a>ok</a>');
  });

  test('a string too complex to read as Markdown is shown as its text, at once', () => {
    const deep = `${'> '.repeat(20_000)}<b>x</b>`;
    const started = Date.now();
    expect(safe.inline(deep)).toBe(`${'> '.repeat(20_000)}&#x3C;b>x&#x3C;/b>`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
