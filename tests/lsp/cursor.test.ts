import { describe, expect, it } from 'vitest';
import { cursorAt, item, keysAround, mappingOf } from '../../src/lsp/cursor.js';

/** The cursor at `|` in a plan's text. */
function at(marked: string): ReturnType<typeof cursorAt> {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  return cursorAt(marked.replace('|', ''), { line: before.length - 1, character: (before.at(-1) ?? '').length });
}

describe('cursorAt', () => {
  it('finds the mapping of a key being typed, through lists written either way', () => {
    expect(at('---\nti|\n---\n')).toEqual({ at: 'key', path: [], prefix: 'ti' });
    expect(at('---\ngoals:\n  - title: A\n    me|\n---\n')).toEqual({ at: 'key', path: ['goals', item], prefix: 'me' });
    expect(at('---\ngoals:\n- title: A\n  steps:\n  - title: B\n    wo|\n')).toEqual({ at: 'key', path: ['goals', item, 'steps', item], prefix: 'wo' });
    expect(at('---\neducation:\n  cu|\n---\n')).toEqual({ at: 'key', path: ['education'], prefix: 'cu' });
  });

  it('tells a value, a flow list\'s item and a block list\'s item apart', () => {
    expect(at('---\ngoals:\n  - title: A\n    kind: pro|\n')).toEqual({ at: 'value', path: ['goals', item], key: 'kind', prefix: 'pro' });
    expect(at('---\ngoals:\n  - title: A\n    skills: [sql, "pu|\n')).toEqual({ at: 'value', path: ['goals', item], key: 'skills', prefix: 'pu' });
    expect(at('---\ngoals:\n  - title: A\n    skills:\n      - sq|\n')).toEqual({ at: 'item', path: ['goals', item, 'skills'], prefix: 'sq' });
    expect(at('---\ngoals:\n  - |\n')).toEqual({ at: 'item', path: ['goals'], prefix: '' });
  });

  it('says nothing in the body, in a block of text, or where the lines above lead nowhere', () => {
    expect(at('---\ntitle: A\n---\nSome |text\n')).toBeUndefined();
    expect(at('---\nvision: >\n  Lead a |\n---\n')).toBeUndefined();
    expect(at('---\ntitle: A\n    ow|\n---\n')).toBeUndefined();
    expect(at('no frontmatter|\n')).toBeUndefined();
  });

  it('names the format\'s mappings by their paths', () => {
    expect(mappingOf([])).toBe('plan');
    expect(mappingOf(['goals', item, 'steps', item])).toBe('step');
    expect(mappingOf(['opportunities', item, 'requires'])).toBe('requires');
    expect(mappingOf(['goals'])).toBeUndefined();
  });

  it('lists the keys a mapping has around a line: up to its item\'s dash above, up to its end below', () => {
    const text = '---\ntitle: A\ngoals:\n  - title: G\n    due: 2027\n    \n    steps: [S]\n  - title: H\nowner: B\n---\n';
    expect([...keysAround(text, 5, 4)].sort()).toEqual(['due', 'steps', 'title']);
    expect([...keysAround(text, 5, 0)].sort()).toEqual(['goals', 'owner', 'title']);
    expect([...keysAround(text, 1, 0)].sort()).toEqual(['goals', 'owner']);
  });
});
