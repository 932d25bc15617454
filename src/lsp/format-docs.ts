/**
 * The plan format's documentation as the editor shows it, read from
 * `docs/plan-format.md` so hovers and completions say the same words as the
 * page people read: each key's row of its mapping's table, and each rule's
 * explanation and fix. `readFormatDocs` reads the disk; the rest is pure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../lib/package-root.js';
import type { MappingName } from './cursor.js';

/** A key's row of the format's tables. */
export interface KeyDoc {
  readonly type: string;
  readonly required: string;
  readonly fallback: string;
  readonly meaning: string;
}

/** A rule's section: when it reports, and how to fix it. */
export interface RuleDoc {
  readonly explanation: string;
  readonly fix?: string;
}

/** The documentation of every key (by mapping) and every rule. */
export interface FormatDocs {
  readonly keys: ReadonlyMap<MappingName, ReadonlyMap<string, KeyDoc>>;
  readonly rules: ReadonlyMap<string, RuleDoc>;
}

/** The headings of the key tables, by the mapping each describes. */
const keyHeadings: Readonly<Record<string, MappingName>> = {
  'The plan': 'plan',
  Skill: 'skill',
  Education: 'education',
  Goal: 'goal',
  Step: 'step',
  Opportunity: 'opportunity',
};

/** Reads `docs/plan-format.md` from careerplan's own folder; empty documentation when it is missing. Reads the disk. */
export function readFormatDocs(): FormatDocs {
  try {
    return formatDocs(readFileSync(path.join(packageRoot().folder, 'docs/plan-format.md'), 'utf8'));
  } catch {
    return { keys: new Map(), rules: new Map() };
  }
}

/** The key tables and rule sections of the format's page. Pure. */
export function formatDocs(markdown: string): FormatDocs {
  const keys = new Map<MappingName, Map<string, KeyDoc>>();
  const rules = new Map<string, RuleDoc>();
  for (const section of markdown.split(/^(?=###? )/mu)) {
    const [heading = '', ...body] = section.split('\n');
    const mapping = keyHeadings[heading.replace(/^###\s+/u, '').trim()];
    const rule = /^### `([a-z-]+)`\s*$/u.exec(heading)?.[1];
    if (mapping !== undefined && heading.startsWith('### ')) keys.set(mapping, keyRows(body));
    if (rule !== undefined) rules.set(rule, ruleDoc(body.join('\n')));
  }
  return { keys, rules };
}

/** The rows of a key table: `| \`key\` | type | required | default | meaning |`. */
function keyRows(lines: readonly string[]): Map<string, KeyDoc> {
  const rows = new Map<string, KeyDoc>();
  for (const line of lines) {
    const cells = /^\| `([a-z]+)` \|(.*)\|\s*$/u.exec(line);
    if (!cells?.[1] || !cells[2]) continue;
    const [type = '', required = '', fallback = '', meaning = ''] = cells[2].split('|').map((cell) => cell.trim());
    rows.set(cells[1], { type, required, fallback, meaning });
  }
  return rows;
}

/** A rule's first paragraph (its severity and when it reports) and its `**Fix:**` paragraph, code blocks left out. */
function ruleDoc(body: string): RuleDoc {
  const paragraphs = body
    .replace(/^```[^\n]*\n[\s\S]*?^```\s*$/gmu, '')
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.trim().replace(/\s*\n\s*/gu, ' '))
    .filter((paragraph) => paragraph !== '');
  const fix = paragraphs.find((paragraph) => paragraph.startsWith('**Fix:**'));
  return { explanation: paragraphs[0] ?? '', ...(fix === undefined ? {} : { fix }) };
}
