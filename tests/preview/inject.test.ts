import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { clientPath, injectPreview, type PreviewState } from '../../src/preview/inject.js';

const page = '<!doctype html><html lang="en"><head><title>Plan</title></head><body><p>Hello</p></body></html>';
const hostile = `</script><script>alert(1)</script> <!-- a & b > c \u2028 \u2029 </SCRIPT >`;
const state: PreviewState = {
  problems: [{ file: 'plans/x.md', line: 3, column: 7, severity: 'error', ruleId: 'schema', message: hostile, frame: '> 3 | title: </script>', note: 'plans/y.md:1:1 <b>first</b>' }],
  printView: '/__careerplan/print/x/',
};

function stateScript(html: string): Element | undefined {
  return select('script#careerplan-preview', fromHtml(html));
}

describe('injectPreview', () => {
  test('the state round-trips through the HTML parser, however hostile its text', () => {
    const html = injectPreview(page, state);
    const script = stateScript(html);
    expect(script?.properties.type).toBe('application/json');
    expect(JSON.parse(toString(script!))).toEqual(state);
    // Only the two added scripts: the message opened no element of its own.
    expect(selectAll('script', fromHtml(html)).map((element) => element.properties.id ?? element.properties.src)).toEqual(['careerplan-preview', clientPath]);
  });

  test('the JSON holds no <, >, & or line separators as themselves', () => {
    const json = toString(stateScript(injectPreview(page, state))!);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).toContain('\\u2028');
  });

  test('both scripts go just before </head>, the client deferred; nothing else changes', () => {
    const html = injectPreview(page, { problems: [] });
    const tree = fromHtml(html);
    expect(select('head > script#careerplan-preview', tree)).toBeDefined();
    expect(select(`head > script[src="${clientPath}"][defer]`, tree)).toBeDefined();
    expect(html).toMatch(/<\/script><\/head>/);
    expect(html.replace(/<script[^]*<\/script>(?=<\/head>)/, '')).toBe(page);
    expect(JSON.parse(toString(stateScript(html)!))).toEqual({ problems: [] });
  });

  test('</head> is found in any case and with spaces', () => {
    const html = injectPreview('<HTML><HEAD><TITLE>x</TITLE></HEAD ><BODY>y</BODY></HTML>', { problems: [] });
    expect(html).toMatch(/^<HTML><HEAD><TITLE>x<\/TITLE><script type="application\/json"[^]*<\/script><\/HEAD >/);
  });

  test('without a head: at the start of the body, or else at the end', () => {
    const inBody = injectPreview('<body class="a>b" data-x=\'>\'><p>Hi</p></body>', { problems: [] });
    expect(inBody.startsWith('<body class="a>b" data-x=\'>\'><script type="application/json"')).toBe(true);
    expect(inBody.endsWith('defer></script><p>Hi</p></body>')).toBe(true);
    const fragment = injectPreview('<p>Hi</p>', { problems: [] });
    expect(fragment.startsWith('<p>Hi</p><script')).toBe(true);
    expect(fragment.endsWith(`<script src="${clientPath}" defer></script>`)).toBe(true);
    // <bodyguard> is not a body.
    expect(injectPreview('<bodyguard>x</bodyguard>', { problems: [] }).startsWith('<bodyguard>x</bodyguard><script')).toBe(true);
  });
});
