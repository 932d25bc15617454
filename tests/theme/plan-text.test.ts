import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTheme, type Theme } from '../../src/theme/theme.js';
import { builtin, dom, indexPage, modelOf, planPage, text } from './render.js';

let theme: Theme;
beforeAll(async () => {
  theme = await createTheme({ builtin });
});

// Every string of this plan tries to be a template, markup or an attribute; all must show as written.
const hostile = `---
title: "{{constructor}} {{> layout}} <script>alert('title')</script>"
owner: "<img src=x onerror=alert(1)>"
role: "{{#each this}}loop{{/each}}"
vision: "{{{plan.bodyHtml}}}"
priorities: ["{{lookup this 'constructor'}}"]
skills:
  - { name: "<b>bold</b>", id: 'x" onmouseover="alert(1)', level: 1, target: 3, note: "{{@root}}" }
goals:
  - title: "</li><script>alert('goal')</script>"
    id: 'javascript:alert(1)'
    measure: "{{t 'goals'}}"
    due: 2027-06
    skills: ['x" onmouseover="alert(1)']
    steps:
      - { title: "<script>alert('step')</script>", resources: ["{{constructor.constructor('return 1')()}}"], reflection: "<style>body{display:none}</style>" }
opportunities:
  - { title: "\\"><svg onload=alert(1)>", note: "{{plural 1 'goalsCount'}}", requires: { 'x" onmouseover="alert(1)': 2 } }
---
`;

describe('plan text is data', () => {
  test('template syntax in a plan is shown as written, never run', () => {
    const tree = dom(theme.renderPlan(planPage(modelOf(hostile))));
    const seen = text(tree);
    expect(text(select('h1', tree))).toBe("{{constructor}} {{> layout}} <script>alert('title')</script>");
    expect(seen).toContain('{{#each this}}loop{{/each}}');
    expect(seen).toContain('{{{plan.bodyHtml}}}');
    expect(seen).toContain("{{lookup this 'constructor'}}");
    expect(seen).toContain("{{t 'goals'}}");
    expect(seen).toContain("{{constructor.constructor('return 1')()}}");
    expect(seen).toContain("{{plural 1 'goalsCount'}}");
    expect(seen).not.toContain('function Object');
  });

  test('markup in a plan is escaped: no script, style, image or event handler reaches the page', () => {
    for (const html of [theme.renderPlan(planPage(modelOf(hostile))), theme.renderIndex(indexPage([modelOf(hostile)]))]) {
      const tree = dom(html);
      // The index loads the theme's own script (assets/index-lists.js); nothing else runs.
      expect(selectAll('script', tree).map((script) => [script.properties['src'], script.children.length])).toEqual(html.includes('id="plans"') ? [['./assets/index-lists.js', 0]] : []);
      expect(selectAll('style, img, b', tree)).toEqual([]);
      expect(selectAll('svg', tree).every((svg) => svg.properties['className']?.toString() === 'stub-timeline')).toBe(true);
      const handlers = selectAll('*', tree).flatMap((element) => Object.keys(element.properties).filter((name) => /^on/i.test(name)));
      expect(handlers).toEqual([]);
    }
  });

  test('a plan value in an href stays inside the page', () => {
    const tree = dom(theme.renderPlan(planPage(modelOf(hostile))));
    const hrefs = selectAll('a[href]', tree).map((a) => String(a.properties['href']));
    expect(hrefs).toContain('#goal-javascript:alert(1)');
    for (const href of hrefs) expect(href, href).toMatch(/^(#|\.\.\/)/);
    expect(select('li[id="goal-javascript:alert(1)"]', tree)).toBeDefined();
  });
});
