/**
 * Draws a laid-out timeline as an SVG string to inline in a page: shapes and
 * sizes as attributes, colours as classes that the theme's stylesheet paints
 * with its `--tl-…` tokens (the page and its PDF both load it). No script, no
 * event attributes, no external references. Pure.
 */
import { barStyles, fontSizes, type BarStyle } from './style.js';
import type { GoalRow, LegendItem, PlacedText, TimelineLayout } from './types.js';

/** Escapes text for an XML text node or a quoted attribute value. Pure. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A coordinate with at most one decimal, so output stays small and stable. */
function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

type Attributes = Record<string, string | number | undefined>;

function attributes(values: Attributes): string {
  // A loop, not entries/filter/map/join: a page's timeline writes thousands of attributes.
  let written = '';
  for (const name in values) {
    const value = values[name];
    if (value !== undefined) written += ` ${name}="${typeof value === 'number' ? n(value) : escapeXml(value)}"`;
  }
  return written;
}

function element(name: string, values: Attributes, children?: string): string {
  return children === undefined ? `<${name}${attributes(values)}/>` : `<${name}${attributes(values)}>${children}</${name}>`;
}

function title(text: string): string {
  return `<title>${escapeXml(text)}</title>`;
}

function text(placed: PlacedText, values: Attributes, children = escapeXml(placed.text)): string {
  return element('text', { x: placed.x, y: placed.y, 'text-anchor': placed.anchor === 'start' ? undefined : placed.anchor, ...values }, children);
}

/** The paint attributes of a bar or legend swatch; its colours come from its class `tl-bar--<status>`. */
function paint(style: BarStyle, idPrefix: string): Attributes {
  return {
    fill: 'hatch' in style ? `url(#${idPrefix}-hatch)` : undefined,
    'stroke-width': style.strokeWidth,
    'stroke-dasharray': 'dash' in style ? style.dash : undefined,
    'stroke-linecap': 'dash' in style ? 'round' : undefined,
  };
}

function defs(layout: TimelineLayout): string {
  const parts: string[] = [];
  const statuses = new Set(layout.rows.map((row) => row.status));
  if (statuses.has('overdue')) {
    parts.push(
      element(
        'pattern',
        { id: `${layout.idPrefix}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        element('rect', { class: 'tl-hatch-ground', width: 6, height: 6 }) + element('line', { class: 'tl-hatch-line', x1: 1.5, y1: 0, x2: 1.5, y2: 6, 'stroke-width': 2.5 }),
      ),
    );
  }
  if (layout.rows.some((row) => row.estimatedStart)) {
    // An estimated start fades in: the mask's gradient is stretched over each bar.
    parts.push(
      element(
        'linearGradient',
        { id: `${layout.idPrefix}-fade-gradient`, x1: 0, x2: 1, y1: 0, y2: 0 },
        element('stop', { offset: 0, 'stop-color': '#fff', 'stop-opacity': 0.15 }) + element('stop', { offset: 0.2, 'stop-color': '#fff', 'stop-opacity': 1 }),
      ),
      element(
        'mask',
        { id: `${layout.idPrefix}-fade`, maskContentUnits: 'objectBoundingBox', x: '-0.05', y: '-0.5', width: '1.1', height: '2' },
        element('rect', { x: '-0.05', y: '-0.5', width: '1.1', height: '2', fill: `url(#${layout.idPrefix}-fade-gradient)` }),
      ),
    );
  }
  return parts.length > 0 ? `<defs>${parts.join('')}</defs>` : '';
}

function axis(layout: TimelineLayout): string {
  const { top, bottom } = layout.plot;
  const lines = layout.axis.ticks.map((tick) =>
    element('line', { class: 'tl-tick', x1: tick.x, x2: tick.x, y1: tick.label ? tick.label.y - 10 : top, y2: bottom, 'stroke-width': 1 }),
  );
  const years = layout.axis.context.map((tick) =>
    element('line', { class: 'tl-context', x1: tick.x, x2: tick.x, y1: tick.label ? tick.label.y - 10 : top, y2: bottom, 'stroke-width': 1 }),
  );
  const labels = layout.axis.ticks.flatMap((tick) => (tick.label ? [text(tick.label, { class: 'tl-tick-label', 'font-size': fontSizes.tick })] : []));
  const yearLabels = layout.axis.context.flatMap((tick) =>
    tick.label ? [text(tick.label, { class: 'tl-context-label', 'font-size': fontSizes.tick, 'font-weight': 600 })] : [],
  );
  return `<g class="tl-axis">${[...lines, ...years, ...labels, ...yearLabels].join('')}</g>`;
}

function rowBackground(row: GoalRow, index: number, layout: TimelineLayout): string {
  return index % 2 === 1 ? element('rect', { class: 'tl-zebra', x: 0, y: row.y, width: layout.width, height: row.height }) : '';
}

function row(row: GoalRow, layout: TimelineLayout): string {
  const style: BarStyle = barStyles[row.status];
  const muted = 'muted' in style;
  const lines = row.label.map((line) => element('tspan', { x: line.x, y: line.y }, escapeXml(line.text))).join('');
  const first = row.label[0] ?? row.statusLabel;
  const label = text(first, { class: muted ? 'tl-label tl-label--muted' : 'tl-label', 'font-size': fontSizes.title }, (row.fullTitle === undefined ? '' : title(row.fullTitle)) + lines);
  const status = text(row.statusLabel, { class: muted ? 'tl-status tl-status--muted' : 'tl-status', 'font-size': fontSizes.status });
  const bar = element(
    'rect',
    {
      class: `tl-bar tl-bar--${row.status}${row.estimatedStart ? ' tl-bar--estimated-start' : ''}`,
      x: row.bar.x,
      y: row.bar.y,
      width: row.bar.width,
      height: row.bar.height,
      rx: 3,
      ...paint(style, layout.idPrefix),
      mask: row.estimatedStart ? `url(#${layout.idPrefix}-fade)` : undefined,
      opacity: muted ? 0.6 : undefined,
    },
    title(row.tooltip),
  );
  return element('g', { class: `tl-row tl-row--${row.status}`, 'data-goal': row.id }, label + status + bar);
}

function stepMark(x: number, y: number, done: boolean, children?: string, extra: Attributes = {}): string {
  return element(
    'circle',
    {
      class: `tl-step tl-step--${done ? 'done' : 'open'}`,
      cx: x,
      cy: y,
      r: 4.5,
      'stroke-width': 1.5,
      ...extra,
    },
    children,
  );
}

function steps(row: GoalRow): string {
  if (row.steps.length === 0) return '';
  const y = row.bar.y + row.bar.height / 2;
  const marks = row.steps.map((step) => stepMark(step.x, y, step.done, title(step.tooltip)));
  const muted = 'muted' in barStyles[row.status];
  return element('g', { class: 'tl-steps', 'data-goal': row.id, opacity: muted ? 0.6 : undefined }, marks.join(''));
}

function today(layout: TimelineLayout): string {
  const { x, label, name, date } = layout.today;
  const line = element('line', { class: 'tl-today', x1: x, x2: x, y1: layout.plot.top - 2, y2: layout.plot.bottom + 3, 'stroke-width': 1.5 });
  const words = `<tspan font-weight="600">${escapeXml(name)}</tspan> ${escapeXml(date)}`;
  return line + text(label, { class: 'tl-today-label', 'font-size': fontSizes.today }, words);
}

function horizon(layout: TimelineLayout): string {
  if (!layout.horizon) return '';
  const { x, label } = layout.horizon;
  const line = x === undefined ? '' : element('line', { class: 'tl-horizon', x1: x, x2: x, y1: layout.plot.top - 2, y2: layout.plot.bottom + 3, 'stroke-width': 1.5, 'stroke-dasharray': '4 3' });
  return element('g', { class: 'tl-horizon-mark' }, line + text(label, { class: 'tl-horizon-label', 'font-size': fontSizes.today, 'font-weight': 600 }));
}

function legendItem(item: LegendItem, idPrefix: string): string {
  const swatch =
    item.kind === 'step-done' || item.kind === 'step-open'
      ? stepMark(item.x + 9, item.y + 5, item.kind === 'step-done', undefined, { class: `tl-legend-step tl-legend-step--${item.kind === 'step-done' ? 'done' : 'open'}` })
      : element('rect', {
          class: `tl-legend-swatch tl-bar--${item.kind}`,
          x: item.x + 1,
          y: item.y,
          width: 16,
          height: 10,
          rx: 2,
          ...paint(barStyles[item.kind], idPrefix),
          opacity: 'muted' in barStyles[item.kind] ? 0.6 : undefined,
        });
  return swatch + text(item.label, { class: 'tl-legend-label', 'font-size': fontSizes.legend });
}

/** The SVG markup of a laid-out timeline, ready to inline in HTML. Pure. */
export function drawTimeline(layout: TimelineLayout): string {
  const { idPrefix } = layout;
  const root = attributes({
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'tl',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: '100%',
    role: 'img',
    'aria-labelledby': `${idPrefix}-title ${idPrefix}-desc`,
    'font-family': 'inherit',
    'font-size': fontSizes.title,
  });
  return [
    `<svg${root}>`,
    element('title', { id: `${idPrefix}-title` }, escapeXml(layout.title)),
    element('desc', { id: `${idPrefix}-desc` }, escapeXml(layout.description)),
    defs(layout),
    layout.rows.map((entry, index) => rowBackground(entry, index, layout)).join(''),
    axis(layout),
    `<g class="tl-rows">${layout.rows.map((entry) => row(entry, layout)).join('')}</g>`,
    today(layout),
    horizon(layout),
    layout.rows.map(steps).join(''),
    `<g class="tl-legend">${layout.legend.map((item) => legendItem(item, idPrefix)).join('')}</g>`,
    '</svg>',
  ].join('');
}
