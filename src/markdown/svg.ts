/**
 * An SVG file a plan links to, made static before the site publishes it:
 * opened on its own, an SVG is a document that can run script on the
 * site's origin. Only shapes, text, gradients, patterns, masks, markers and
 * filters are kept, with their presentation attributes; scripts, event
 * handlers, `foreignObject`, animation, links and anything that loads
 * from elsewhere are left out. Pure.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { cssUrls } from './body-urls.js';

const elements: ReadonlySet<string> = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata', 'switch',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'image', 'style',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting',
  'feSpotLight', 'feTile', 'feTurbulence',
]);

/** Elements whose content is kept though they are not: a link's text and shapes stay, without the link. */
const unwrapped: ReadonlySet<string> = new Set(['a']);

/** Attributes kept, by name without `-` or `:`, in lower case (`stroke-width` and hast's `strokeWidth` are both `strokewidth`). */
const attributes: ReadonlySet<string> = new Set(
  [
    'id', 'class', 'style', 'lang', 'xml:lang', 'xml:space', 'version', 'role', 'aria-label', 'aria-hidden', 'aria-labelledby', 'aria-describedby', 'focusable', 'tabindex',
    'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'dx', 'dy', 'width', 'height', 'viewBox', 'preserveAspectRatio',
    'd', 'points', 'pathLength', 'transform', 'transform-origin', 'href', 'xlink:href',
    'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'stroke-dashoffset',
    'stroke-opacity', 'stroke-miterlimit', 'opacity', 'color', 'display', 'visibility', 'overflow', 'vector-effect', 'paint-order',
    'shape-rendering', 'text-rendering', 'image-rendering', 'color-interpolation', 'color-interpolation-filters', 'mix-blend-mode', 'isolation',
    'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch', 'text-anchor', 'dominant-baseline', 'alignment-baseline',
    'baseline-shift', 'letter-spacing', 'word-spacing', 'text-decoration', 'writing-mode', 'direction', 'unicode-bidi', 'rotate', 'textLength',
    'lengthAdjust', 'startOffset', 'method', 'spacing', 'side',
    'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod',
    'patternUnits', 'patternContentUnits', 'patternTransform', 'clip-path', 'clip-rule', 'clipPathUnits', 'mask', 'maskUnits', 'maskContentUnits',
    'marker-start', 'marker-mid', 'marker-end', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
    'filter', 'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4', 'values', 'type',
    'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles', 'flood-color',
    'flood-opacity', 'lighting-color', 'radius', 'scale', 'xChannelSelector', 'yChannelSelector', 'order', 'kernelMatrix', 'divisor', 'bias',
    'targetX', 'targetY', 'edgeMode', 'preserveAlpha', 'surfaceScale', 'specularConstant', 'specularExponent', 'diffuseConstant', 'kernelUnitLength',
    'azimuth', 'elevation', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle',
  ].map(nameKey),
);

const parse = unified().use(rehypeRaw);
const stringify = unified().use(rehypeStringify, { closeEmptyElements: true, tightSelfClosing: true });

/** The static SVG an SVG file's text makes: its first `<svg>` element, cleaned; an empty drawing when it has none or cannot be read. Pure. */
export function staticSvg(text: string): string {
  let root: Element = { type: 'element', tagName: 'svg', properties: {}, children: [] };
  try {
    const svg = firstSvg(parse.runSync({ type: 'root', children: [{ type: 'raw', value: text }] }));
    if (svg) root = clean(svg);
  } catch (error) {
    // Elements nested thousands deep overflow the parser's stack: such a file is no drawing worth showing, and must not stop the build.
    if (!(error instanceof RangeError)) throw error;
  }
  root.properties = { xmlns: 'http://www.w3.org/2000/svg', ...root.properties };
  return `${stringify.stringify({ type: 'root', children: [root] })}\n`;
}

function firstSvg(tree: Root): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (element) => {
    if (element.tagName !== 'svg') return undefined;
    found = element;
    return EXIT;
  });
  return found;
}

/** A copy of an allowed element with only allowed attributes and children. */
function clean(element: Element): Element {
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(element.properties)) {
    if (value === undefined || value === null || !attributes.has(nameKey(name))) continue;
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    if (nameKey(name) === 'href' || nameKey(name) === 'xlinkhref') {
      const href = text.trim();
      // Links within the drawing, and pictures inside the file itself; nothing from elsewhere.
      const inside = href.startsWith('#') || (element.tagName === 'image' && /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i.test(href));
      if (inside) properties.href = href;
      continue;
    }
    if (!isStaticCss(text)) continue;
    properties[name] = value;
  }
  const children: ElementContent[] = [];
  for (const child of element.children) {
    if (child.type === 'text') children.push(child);
    else if (element.tagName === 'style') continue;
    else if (child.type === 'element') {
      if (elements.has(child.tagName)) children.push(clean(child));
      else if (unwrapped.has(child.tagName)) children.push(...clean({ ...child, tagName: 'g' }).children);
    }
  }
  // The serializer writes a style's text as it is: a `<` or `&` in it would be read as markup by the XML parser that opens the file.
  if (element.tagName === 'style') {
    const css = children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    if (!isStaticCss(css) || /[<&]/.test(css)) children.length = 0;
  }
  return { type: 'element', tagName: element.tagName, properties, children };
}

/** Whether CSS (or an attribute value) loads nothing and runs nothing: its only `url()`s point inside the drawing. */
function isStaticCss(css: string): boolean {
  if (/expression\s*\(|behavior\s*:|-moz-binding|@import/i.test(css)) return false;
  return cssUrls(css).every((url) => url.trim().startsWith('#'));
}

function nameKey(name: string): string {
  return name.replace(/[-:]/g, '').toLowerCase();
}
