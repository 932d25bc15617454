import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { codeActions } from '../../src/lsp/code-actions.js';

const uri = 'file:///plans/sam.md';

/** The text after applying every fix offered for `diagnostic`. */
function fixed(text: string, diagnostic: Diagnostic): { titles: string[]; text: string } {
  const actions = codeActions(text, uri, [diagnostic]);
  const document = TextDocument.create(uri, 'markdown', 1, text);
  return { titles: actions.map((action) => action.title), text: TextDocument.applyEdits(document, actions.flatMap((action) => action.edit?.changes?.[uri] ?? [])) };
}

const range = (line: number, from: number, to: number): Diagnostic['range'] => ({ start: { line, character: from }, end: { line, character: to } });

describe('codeActions', () => {
  it('adds a skill to a plan without `skills`, before its goals', () => {
    const text = '---\ntitle: A\nowner: B\ngoals:\n  - title: G\n    skills: [Data visualisation]\n---\n';
    const diagnostic: Diagnostic = { range: range(5, 13, 31), code: 'unknown-skill', message: 'Unknown skill `Data visualisation` in goal `g`, expected the id or name of a skill in `skills`: add it to `skills`, or name a skill that is there' };
    expect(fixed(text, diagnostic)).toEqual({
      titles: ['Add `Data visualisation` to `skills` (level 0, target 3: set them)'],
      text: '---\ntitle: A\nowner: B\nskills:\n  - name: Data visualisation\n    level: 0\n    target: 3\ngoals:\n  - title: G\n    skills: [Data visualisation]\n---\n',
    });
  });

  it('adds a skill after the last of `skills`, lined up with its items', () => {
    const text = '---\nskills:\n- name: SQL\n  level: 1\n  target: 2\ngoals:\n- title: G\n  skills: [sql, r]\n---\n';
    const diagnostic: Diagnostic = { range: range(7, 16, 17), code: 'unknown-skill', message: 'Unknown skill `r` in goal `g`, expected the id or name of a skill in `skills`: add it to `skills`, or name a skill that is there' };
    expect(fixed(text, diagnostic).text).toBe('---\nskills:\n- name: SQL\n  level: 1\n  target: 2\n- name: r\n  level: 0\n  target: 3\ngoals:\n- title: G\n  skills: [sql, r]\n---\n');
  });

  it('puts a list item with a colon in the quotes its message shows, and takes a suggestion', () => {
    const text = '---\ngoals:\n  - steps:\n      - Call Anna: ask about the role\n---\n';
    const quote: Diagnostic = { range: range(3, 8, 37), code: 'quote-colon', message: 'The colon in `Call Anna: ask about the role` reads as the start of a key: put the text in quotes: `- "Call Anna: ask about the role"`' };
    expect(fixed(text, quote).text).toContain('      - "Call Anna: ask about the role"\n');
    const suggestion: Diagnostic = { range: range(2, 4, 9), code: 'unknown-key', message: 'Unknown key `stps`, did you mean `steps`?' };
    expect(fixed(text, suggestion).titles).toEqual(['Change to `steps`']);
    // No fix where the message states none.
    expect(codeActions(text, uri, [{ range: range(1, 0, 5), code: 'goal-needs-step', message: 'Unexpected goal without action steps' }])).toEqual([]);
  });
});
