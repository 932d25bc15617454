/**
 * Quick fixes for problems whose rule knows the fix: the suggestion of a
 * "did you mean" (a misspelt key, value or skill), the text in quotes a
 * `quote-colon` message shows, and a skill a goal names added to `skills`.
 * Each fix is the one its message states. Pure.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver/node';
import { frontmatterLines, readYamlLine } from './cursor.js';
import { messageOf } from './diagnostics.js';

/** The quick fixes for `diagnostics` of the plan `text` at `uri`. Pure. */
export function codeActions(text: string, uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  return diagnostics.flatMap((diagnostic) => {
    const fix = suggestionFix(diagnostic) ?? quoteFix(diagnostic) ?? addSkillFix(diagnostic, text);
    if (fix === undefined) return [];
    return [{ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uri]: fix.edits } } }];
  });
}

/** A fix: what the editor calls it and what it changes. */
interface Fix {
  readonly title: string;
  readonly edits: TextEdit[];
}

/** `did you mean \`x\`?`: the range's text becomes the suggestion. */
function suggestionFix(diagnostic: LspDiagnostic): Fix | undefined {
  const suggestion = /did you mean `([^`]+)`\?/u.exec(messageOf(diagnostic))?.[1];
  if (suggestion === undefined || !isOneLine(diagnostic)) return undefined;
  return { title: `Change to \`${suggestion}\``, edits: [{ range: diagnostic.range, newText: suggestion }] };
}

/** `quote-colon` on one line: the value becomes the quoted text its message shows. */
function quoteFix(diagnostic: LspDiagnostic): Fix | undefined {
  if (diagnostic.code !== 'quote-colon' || !isOneLine(diagnostic)) return undefined;
  const shown = /put the text in quotes: `(?:[^`:]+: |- )?("(?:[^"\\]|\\.)*")`$/u.exec(messageOf(diagnostic))?.[1];
  if (shown === undefined) return undefined;
  return { title: 'Put the text in quotes', edits: [{ range: diagnostic.range, newText: shown }] };
}

/** `unknown-skill` with no near name: the skill added to the plan's `skills`, at level 0 with target 3 for the author to set. */
function addSkillFix(diagnostic: LspDiagnostic, text: string): Fix | undefined {
  if (diagnostic.code !== 'unknown-skill' || !messageOf(diagnostic).includes('add it to `skills`')) return undefined;
  const name = /^Unknown skill `([^`]+)`/u.exec(messageOf(diagnostic))?.[1];
  const bounds = frontmatterLines(text);
  if (name === undefined || bounds === undefined) return undefined;
  const lines = text.split('\n');
  const top = lines.slice(0, bounds.end).map((line, index) => ({ index, line: index >= bounds.first ? readYamlLine(line) : undefined }));
  const skills = top.find(({ line }) => line?.key === 'skills' && line.keyColumn === 0 && line.dash === undefined);
  const quoted = /^[\w ().+-]+$/u.test(name) && !/^[\d-]/u.test(name) ? name : JSON.stringify(name);
  const entry = (dash: number): string => `${' '.repeat(dash)}- name: ${quoted}\n${' '.repeat(dash + 2)}level: 0\n${' '.repeat(dash + 2)}target: 3\n`;
  const title = `Add \`${name}\` to \`skills\` (level 0, target 3: set them)`;
  if (skills === undefined) {
    const goals = top.find(({ line }) => line?.key === 'goals' && line.keyColumn === 0) ?? { index: bounds.end };
    return { title, edits: [{ range: at(goals.index), newText: `skills:\n${entry(2)}` }] };
  }
  if (skills.line?.rest !== '') return undefined;
  // After the last line of the skills' block: the next line at the top level.
  const after = top.find(({ index, line }) => index > skills.index && line !== undefined && line.keyColumn === 0 && line.dash === undefined) ?? { index: bounds.end };
  const firstItem = top.find(({ index, line }) => index > skills.index && line?.dash !== undefined);
  return { title, edits: [{ range: at(after.index), newText: entry(firstItem?.line?.dash ?? 2) }] };
}

/** An empty range at the start of a line. */
function at(line: number): TextEdit['range'] {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

function isOneLine(diagnostic: LspDiagnostic): boolean {
  return diagnostic.range.start.line === diagnostic.range.end.line && diagnostic.range.end.character > diagnostic.range.start.character;
}
