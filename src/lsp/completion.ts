/**
 * What the editor offers at the cursor in a plan's frontmatter: the keys of
 * the mapping it is in that it does not have yet, the values a key allows (`kind`, `status`, `worth`,
 * `lang`), and the plan's skills where a goal or opportunity names one; each
 * with its line of the format's documentation. Pure.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import { evaluations, mappings } from '../format/schema.js';
import { builtinLanguages } from '../format/language.js';
import { slugify } from '../format/slug.js';
import { isRecord } from '../lib/is-record.js';
import { cursorAt, frontmatterLines, item, keysAround, mappingOf, type MappingName, type PathStep, type TextPosition } from './cursor.js';
import type { FormatDocs, KeyDoc } from './format-docs.js';

/** The completions at `position` in the plan `text`. Pure. */
export function completions(text: string, position: TextPosition, docs: FormatDocs): CompletionItem[] {
  const cursor = cursorAt(text, position);
  if (cursor === undefined) return [];
  if (cursor.at === 'key') {
    const written = keysAround(text, position.line, position.character - cursor.prefix.length);
    return keyItems(mappingOf(cursor.path), text, docs).filter((each) => !written.has(each.label));
  }
  if (cursor.at === 'item') {
    if (isSkillList(cursor.path)) return skillItems(text);
    return keyItems(mappingOf([...cursor.path, item]), text, docs);
  }
  const mapping = mappingOf(cursor.path);
  if (mapping === 'goal' && cursor.key === 'skills') return skillItems(text);
  return mapping === undefined || mapping === 'requires' ? [] : valueItems(mapping, cursor.key);
}

/** Whether a path leads to a list of skill names: a goal's `skills`. */
function isSkillList(path: readonly PathStep[]): boolean {
  return path.length === 3 && path[0] === 'goals' && path[1] === item && path[2] === 'skills';
}

/** The keys of a mapping, with their documentation; the skills, for an opportunity's `requires`. */
function keyItems(mapping: MappingName | undefined, text: string, docs: FormatDocs): CompletionItem[] {
  if (mapping === undefined) return [];
  if (mapping === 'requires') return skillItems(text).map((each) => ({ ...each, insertText: `${each.insertText ?? each.label}: ` }));
  const rows = docs.keys.get(mapping);
  return Object.keys(mappings[mapping].shape).map((key) => ({
    label: key,
    kind: CompletionItemKind.Property,
    insertText: `${key}: `,
    ...documented(rows?.get(key)),
  }));
}

/** A key's documentation as a completion shows it: its type as the detail, its meaning as the text. */
function documented(row: KeyDoc | undefined): Pick<CompletionItem, 'detail' | 'documentation'> {
  if (row === undefined) return {};
  return { detail: row.type.replace(/`/gu, ''), documentation: { kind: MarkupKind.Markdown, value: row.meaning } };
}

/** The values a key of a mapping allows, when it allows a few words. */
function valueItems(mapping: Exclude<MappingName, 'requires'>, key: string): CompletionItem[] {
  const values = key === 'worth' ? evaluations : key === 'lang' && mapping === 'plan' ? builtinLanguages : enumValues((mappings[mapping].shape as Record<string, z.ZodType>)[key]);
  return values.map((value) => ({ label: value, kind: CompletionItemKind.EnumMember }));
}

/** The words an enum allows, through `optional` and `default`; none for other schemas. */
function enumValues(schema: z.ZodType | undefined): readonly string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return enumValues(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodEnum) return schema.options.map(String);
  return [];
}

/** The plan's skills, each by its id (found by its name too, which it shows), as the frontmatter has them now. */
function skillItems(text: string): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  for (const skill of skillsOf(text)) {
    const name = typeof skill.name === 'string' ? skill.name : undefined;
    const id = typeof skill.id === 'string' ? skill.id : name === undefined ? undefined : slugify(name);
    if (id === undefined || id === '') continue;
    items.set(id, { label: id, kind: CompletionItemKind.Value, ...(name === undefined ? {} : { detail: name, filterText: `${id} ${name}` }) });
  }
  return [...items.values()];
}

/** The mappings of the frontmatter's `skills`, read however far the YAML can be read. */
function skillsOf(text: string): Array<Record<string, unknown>> {
  const bounds = frontmatterLines(text);
  if (bounds === undefined) return [];
  const yaml = text.split('\n').slice(bounds.first, bounds.end).join('\n');
  let data: unknown;
  try {
    data = parseDocument(yaml).toJS({ maxAliasCount: 0 });
  } catch {
    return [];
  }
  const skills = isRecord(data) ? data.skills : undefined;
  return Array.isArray(skills) ? skills.filter(isRecord) : [];
}
