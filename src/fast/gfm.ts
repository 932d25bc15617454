/**
 * remark-gfm with early refusals: the same GFM syntax, read into the same
 * tree, in less time. micromark tries a table at the start of every line and
 * an autolink literal at the start of every word, and most of these attempts
 * tokenize a whole line or word before they fail. Here each attempt first
 * looks at the text being parsed and fails at once where the real construct
 * is bound to fail; everywhere else the real construct runs. The refusals
 * follow micromark-extension-gfm-table 2.1 and -autolink-literal 2.1; after
 * an upgrade of either, tests/fast/gfm.test.ts (which compares the tree
 * with remark-gfm's) says whether they still hold.
 *
 * Only public parts of micromark are used: `gfm()` and `gfmFromMarkdown()`,
 * the `Construct` and `TokenizeContext` fields of micromark-util-types
 * (`tokenize`, `previous`, `now()`, `events`) and the token types the GFM
 * extensions declare there (`tableHead`, `tableRow`). One thing is not an
 * API: the constructs are found by their `name` (`table`,
 * `emailAutolink`, …), which the extensions set but do not document; a
 * renamed construct is simply not refused early, and runs as in remark-gfm.
 * Pure.
 */
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Construct, Event, Extension, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

/** Whether the construct starting at `offset` of `source` can succeed; `false` only where it is bound to fail. */
type Possible = (source: string, offset: number, context: TokenizeContext, construct: Construct) => boolean;

const emailStart = /[\w+.-]*@/y;
const wwwStart = /www\./iy;
const protocolStart = /https?:\/\//iy;
const delimiterRowStart = /[ \t>]*[-:|]/y;

/**
 * The refusals by construct name. Each states a necessary condition of the
 * construct in micromark-extension-gfm-table 2.1 and
 * micromark-extension-gfm-autolink-literal 2.1.
 */
const possible: Readonly<Record<string, Possible>> = {
  // A table's second line is its delimiter row, which starts (after container prefixes) with `-`, `:` or `|`.
  table: (source, offset, context) => continuesTable(context.events) || delimiterRowFollows(source, offset),
  // An email's local part (letters, digits, `+-._`) is followed by `@`.
  emailAutolink: (source, offset, context, construct) => autolinkMayStart(context, construct) && ahead(emailStart, source, offset),
  wwwAutolink: (source, offset, context, construct) => autolinkMayStart(context, construct) && ahead(wwwStart, source, offset),
  protocolAutolink: (source, offset, context, construct) => autolinkMayStart(context, construct) && ahead(protocolStart, source, offset),
};

/** A unified plugin, used after remark-parse in place of remark-gfm. */
export function remarkGfmChecked(this: Processor): undefined {
  let source = '';
  const data = this.data();
  (data.micromarkExtensions ??= []).push(withRefusals(gfm(), () => source));
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
  const parse = this.parser;
  if (!parse) throw new Error('remarkGfmChecked needs remark-parse before it');
  this.parser = (document, file) => {
    // micromark skips a byte order mark at the start, and counts its offsets after it.
    source = document.charCodeAt(0) === 0xfeff ? document.slice(1) : document;
    return parse(document, file);
  };
  return undefined;
}

/** A copy of a micromark extension whose constructs named in `possible` refuse early; each construct is wrapped once. */
function withRefusals(extension: Extension, source: () => string): Extension {
  const wrapped = new Map<Construct, Construct>();
  const wrap = (construct: Construct): Construct => {
    const test = construct.name === undefined ? undefined : possible[construct.name];
    if (!test) return construct;
    let result = wrapped.get(construct);
    if (!result) {
      result = refusing(construct, test, source);
      wrapped.set(construct, result);
    }
    return result;
  };
  return Object.fromEntries(
    Object.entries(extension).map(([field, value]) => {
      if (field === 'disable' || typeof value !== 'object' || value === null) return [field, value];
      const record = Object.entries(value as Record<string, Construct | Construct[]>).map(([key, constructs]) => [
        key,
        Array.isArray(constructs) ? constructs.map(wrap) : wrap(constructs),
      ]);
      return [field, Object.fromEntries(record)];
    }),
  ) as Extension;
}

/** The construct, failing at once where `test` says it cannot succeed. */
function refusing(construct: Construct, test: Possible, source: () => string): Construct {
  const { tokenize } = construct;
  return {
    ...construct,
    tokenize(effects, ok, nok) {
      return (code) => (test(source(), this.now().offset, this, construct) ? tokenize.call(this, effects, ok, nok)(code) : nok(code));
    },
  };
}

function ahead(pattern: RegExp, source: string, offset: number): boolean {
  pattern.lastIndex = offset;
  return pattern.test(source);
}

/** Whether the line after the one at `offset` may be a table's delimiter row. */
function delimiterRowFollows(source: string, offset: number): boolean {
  const lineEnd = /\r\n?|\n/g;
  lineEnd.lastIndex = offset;
  const match = lineEnd.exec(source);
  return match !== null && ahead(delimiterRowStart, source, match.index + match[0].length);
}

/** Whether the line about to be read would be a table's body row: the table's own test of its previous line. */
function continuesTable(events: readonly Event[]): boolean {
  let index = events.length - 1;
  while (index > -1 && (events[index]?.[1].type === 'lineEnding' || events[index]?.[1].type === 'linePrefix')) index--;
  const tail: string | undefined = index > -1 ? events[index]?.[1].type : undefined;
  return tail === 'tableHead' || tail === 'tableRow';
}

/**
 * An autolink literal's own guard on the character before it (the
 * construct's public `previous`). The extension's other first test, for an
 * unclosed link label before it, is left to the real construct: it reads
 * micromark's private token fields, and refusing early without it changes
 * no result (that test only ever makes the construct fail, and the mark it
 * leaves on the events is a shortcut for its own later walks, whose answers
 * it does not change).
 */
function autolinkMayStart(context: TokenizeContext, construct: Construct): boolean {
  return construct.previous === undefined || construct.previous.call(context, context.previous);
}
