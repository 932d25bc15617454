/**
 * The live preview's browser script, served from memory at `clientPath`:
 * shows the last build's problems above the page (the last good version),
 * links a plan page to its print view, and reloads the page, or the print
 * view's PDF, when the preview server says it changed. Plain ES2020 in one
 * IIFE, so it runs in any page without a bundler; it builds its DOM with
 * `textContent` only, as messages quote the user's text. A string; pure.
 */

/** The client script's source text. */
export const clientScript = String.raw`(function () {
  'use strict';

  const eventsPath = '/__careerplan/events';
  const scrollKey = 'careerplan:scroll:' + normalize(location.pathname);

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return undefined;
    }
  }

  function isObject(value) {
    return typeof value === 'object' && value !== null;
  }

  function text(value) {
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }

  // "/plan/index.html" is the page "/plan/"; percent-encoding is compared decoded.
  function normalize(path) {
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch (error) {}
    return decoded.replace(/\/index\.html$/, '/');
  }

  function readState() {
    const element = document.getElementById('careerplan-preview');
    const state = element ? parse(element.textContent || '') : undefined;
    if (!isObject(state)) return { problems: [] };
    const printView = state.printView;
    const building = state.building;
    return {
      problems: Array.isArray(state.problems) ? state.problems.filter(isObject) : [],
      building: isObject(building) && Number.isFinite(building.built) && Number.isFinite(building.plans) ? building : undefined,
      // Only a path on this server: never "//host" or "javascript:".
      printView: typeof printView === 'string' && /^\/(?![\/\\])/.test(printView) ? printView : undefined,
    };
  }

  const styles = [
    '#careerplan-overlay, #careerplan-overlay * { all: revert; box-sizing: border-box; }',
    '#careerplan-overlay { position: fixed; top: 0; left: 0; right: 0; z-index: 2147483647; max-height: 60vh; overflow: auto; margin: 0; padding: 0;',
    '  background: #fff; color: #1a1a1a; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;',
    '  border-bottom: 4px solid #8b0000; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.35); }',
    '#careerplan-overlay .careerplan-overlay-header { position: sticky; top: 0; display: flex; align-items: center; justify-content: space-between; gap: 16px;',
    '  padding: 10px 16px; background: #8b0000; color: #fff; }',
    '#careerplan-overlay h2 { margin: 0; font-size: 15px; font-weight: 600; color: inherit; }',
    '#careerplan-overlay button { flex: none; padding: 4px 12px; border: 0; border-radius: 4px; background: #fff; color: #8b0000; font: inherit; font-weight: 600; cursor: pointer; }',
    '#careerplan-overlay button:focus-visible { outline: 3px solid #ffd54f; outline-offset: 2px; }',
    '#careerplan-overlay ol { margin: 0; padding: 0; list-style: none; }',
    '#careerplan-overlay .careerplan-problem { margin: 0; padding: 12px 16px; border-top: 1px solid #ddd; }',
    '#careerplan-overlay .careerplan-problem:first-child { border-top: 0; }',
    '#careerplan-overlay strong { font-weight: 700; }',
    '#careerplan-overlay .careerplan-error { color: #b00020; font-weight: 600; }',
    '#careerplan-overlay .careerplan-warning { color: #7a4a00; font-weight: 600; }',
    '#careerplan-overlay .careerplan-message { white-space: pre-wrap; }',
    '#careerplan-overlay .careerplan-rule, #careerplan-overlay .careerplan-note { color: #555; }',
    '#careerplan-overlay .careerplan-rule { white-space: nowrap; }',
    '#careerplan-overlay pre { margin: 8px 0 0; padding: 8px 12px; overflow: auto; background: #f4f4f4; color: #1a1a1a; border-radius: 4px;',
    '  font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre; }',
    '#careerplan-overlay .careerplan-note { margin: 6px 0 0; }',
    '#careerplan-print-view-link { all: revert; position: fixed; right: 12px; bottom: 12px; z-index: 2147483646; padding: 6px 14px; border-radius: 999px;',
    '  background: #1a1a1a; color: #fff; font: 600 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-decoration: none;',
    '  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); }',
    '#careerplan-print-view-link:focus-visible { outline: 3px solid #ffd54f; outline-offset: 2px; }',
    '#careerplan-building { all: revert; position: fixed; left: 12px; bottom: 12px; z-index: 2147483646; padding: 6px 14px; border-radius: 999px;',
    '  background: #1a1a1a; color: #fff; font: 600 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); }',
    '@media print { #careerplan-overlay, #careerplan-print-view-link, #careerplan-building { display: none !important; } }',
  ].join('\n');

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function problemElement(problem) {
    const item = element('li', 'careerplan-problem');
    const line = element('div', 'careerplan-problem-line');
    let where = text(problem.file);
    if (where && text(problem.line)) where += ':' + text(problem.line) + (text(problem.column) ? ':' + text(problem.column) : '');
    if (where) line.append(element('strong', 'careerplan-location', where), ' ');
    const severity = problem.severity === 'warning' ? 'warning' : 'error';
    line.append(element('span', 'careerplan-' + severity, severity), ' ', element('span', 'careerplan-message', text(problem.message)), ' ', element('span', 'careerplan-rule', text(problem.ruleId)));
    item.append(line);
    if (text(problem.frame)) item.append(element('pre', 'careerplan-frame', text(problem.frame)));
    if (text(problem.note)) item.append(element('p', 'careerplan-note', 'note ' + text(problem.note)));
    return item;
  }

  function showProblems(problems) {
    const panel = element('section');
    panel.id = 'careerplan-overlay';
    panel.setAttribute('role', 'alert');
    panel.setAttribute('aria-label', 'careerplan problems');
    const header = element('div', 'careerplan-overlay-header');
    const count = problems.length + (problems.length === 1 ? ' problem' : ' problems');
    const close = element('button', '', 'Close');
    close.type = 'button';
    header.append(element('h2', '', 'careerplan: ' + count + ' \u2014 the page shows the last good version'), close);
    const list = element('ol');
    problems.forEach(function (problem) {
      list.append(problemElement(problem));
    });
    panel.append(header, list);
    function hide(event) {
      if (event.type === 'keydown' && event.key !== 'Escape') return;
      panel.remove();
      document.removeEventListener('keydown', hide);
    }
    close.addEventListener('click', hide);
    document.addEventListener('keydown', hide);
    (document.body || document.documentElement).append(panel);
  }

  function showPrintViewLink(url) {
    const link = element('a', '', 'Print view');
    link.id = 'careerplan-print-view-link';
    link.href = url;
    (document.body || document.documentElement).append(link);
  }

  function showBuilding(building) {
    const count = function (n) {
      return Number(n).toLocaleString('en-US');
    };
    const note = element('p', '', 'Building the plans: ' + count(building.built) + ' of ' + count(building.plans) + '. This list updates when all are built.');
    note.id = 'careerplan-building';
    note.setAttribute('role', 'status');
    (document.body || document.documentElement).append(note);
  }

  // Session storage can be missing or refuse access (private windows, storage turned off): scroll is then not kept.
  function saveScroll() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (error) {}
  }

  function restoreScroll() {
    let saved = null;
    try {
      saved = sessionStorage.getItem(scrollKey);
      if (saved !== null) sessionStorage.removeItem(scrollKey);
    } catch (error) {
      return;
    }
    const position = saved === null ? undefined : parse(saved);
    if (!Array.isArray(position) || position.length !== 2 || !position.every(Number.isFinite)) return;
    // After load, when images have their size, and after the browser's own scroll restoration.
    function scroll() {
      requestAnimationFrame(function () {
        window.scrollTo(position[0], position[1]);
      });
    }
    if (document.readyState === 'complete') scroll();
    else window.addEventListener('load', scroll, { once: true });
  }

  function listen() {
    if (typeof EventSource !== 'function') return;
    const source = new EventSource(eventsPath);
    source.addEventListener('reload', function (event) {
      const data = parse(event.data);
      if (!isObject(data)) return;
      const here = normalize(location.pathname);
      const listed = Array.isArray(data.paths) && data.paths.some(function (path) {
        return typeof path === 'string' && normalize(path) === here;
      });
      if (data.all !== true && !listed) return;
      source.close();
      saveScroll();
      location.reload();
    });
    source.addEventListener('pdf', function (event) {
      const data = parse(event.data);
      if (!isObject(data) || typeof data.slug !== 'string') return;
      const pdf = document.getElementById('careerplan-pdf');
      if (pdf && pdf.getAttribute('data-slug') === data.slug) {
        const base = (pdf.getAttribute('src') || '').replace(/[?#].*$/, '');
        pdf.setAttribute('src', base + '?v=' + Date.now());
      }
      const pending = document.getElementById('careerplan-pdf-pending');
      if (pending && pending.getAttribute('data-slug') === data.slug) {
        source.close();
        location.reload();
      }
    });
  }

  try {
    const style = element('style', '', styles);
    style.id = 'careerplan-preview-style';
    (document.head || document.documentElement).append(style);
    const state = readState();
    if (state.problems.length > 0) showProblems(state.problems);
    if (state.printView) showPrintViewLink(state.printView);
    if (state.building) showBuilding(state.building);
    restoreScroll();
  } finally {
    listen();
  }
})();
`;
