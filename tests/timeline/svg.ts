/** Reading the timeline's SVG back as a tree, for assertions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';

/** Parses an SVG string the way an HTML page would inline it. */
export function parseSvg(svg: string): Root {
  return fromHtml(svg, { fragment: true, space: 'svg' });
}

/** The elements matching a selector. */
export function all(tree: Root | Element, selector: string): Element[] {
  return selectAll(selector, tree);
}

/** The one element matching a selector; throws when there is none. */
export function one(tree: Root | Element, selector: string): Element {
  const found = select(selector, tree);
  if (!found) throw new Error(`Nothing matches ${selector}`);
  return found;
}

/** A numeric property (`x`, `x1`, `width`, …). */
export function num(element: Element, name: string): number {
  const value = Number(element.properties[name]);
  if (Number.isNaN(value)) throw new Error(`${element.tagName} has no numeric ${name}`);
  return value;
}

/** A property as a string; lists (class, dash arrays) joined by spaces. */
export function prop(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** The classes of an element. */
export function classes(element: Element): string[] {
  const value = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

/** The text of an element, leaving out `<title>` children (tooltips). */
export function visibleText(node: Element | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || node.tagName === 'title') return '';
  return node.children.map(visibleText).join('');
}

/** The text of a `<title>` child, which carries an element's tooltip. */
export function tooltip(element: Element): string {
  const child = element.children.find((node): node is Element => node.type === 'element' && node.tagName === 'title');
  return child ? child.children.map((node) => (node.type === 'text' ? node.value : '')).join('') : '';
}

/** Every text in a tree, tooltips and the description included. */
export function allText(node: Root | Element | RootContent): string[] {
  if (node.type === 'text') return [node.value];
  if (node.type !== 'element' && node.type !== 'root') return [];
  return node.children.flatMap(allText);
}

/** The theme's stylesheet, whose `--tl-…` tokens and `.tl …` rules colour the timeline. */
const stylesheet = readFileSync(path.resolve(import.meta.dirname, '../../templates/assets/style.css'), 'utf8');
const tokens = new Map([...stylesheet.matchAll(/(--tl-[\w-]+):\s*([^;]+);/g)].map((match) => [match[1] ?? '', (match[2] ?? '').trim()]));
const rules = [...stylesheet.matchAll(/^(\.tl [^{\n]+)\{([^}]*)\}/gm)].map((match) => ({
  selectors: (match[1] ?? '').split(',').map((selector) => selector.trim()),
  declarations: new Map([...(match[2] ?? '').matchAll(/([\w-]+):\s*([^;]+);/g)].map((declaration) => [declaration[1] ?? '', (declaration[2] ?? '').trim()])),
}));

/**
 * The paint (`fill`, `stroke`) the page gives an element: the last of the stylesheet's `.tl …` rules that
 * matches it (they are written so that order decides), its `var(--tl-…)` token resolved; else its attribute.
 */
export function paint(tree: Root, element: Element, property: 'fill' | 'stroke'): string | undefined {
  let value = prop(element, property);
  for (const rule of rules) {
    const declared = rule.declarations.get(property);
    if (declared !== undefined && rule.selectors.some((selector) => selectAll(selector, tree).includes(element))) value = declared;
  }
  const token = value === undefined ? undefined : /^var\((--tl-[\w-]+)\)$/.exec(value)?.[1];
  return token === undefined ? value : tokens.get(token);
}
