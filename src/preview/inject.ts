/**
 * Adds the live preview to a page as it is served: the preview's state as
 * JSON and the client script that shows problems and reloads the page. The
 * page on disk is never changed. Pure.
 */
import type { OverlayProblem } from '../diagnostics/reporters/overlay.js';

/** What the client script of one page needs to know. */
export interface PreviewState {
  /** The problems of the last build, shown above the page (the last good version). */
  readonly problems: readonly OverlayProblem[];
  /** Link to this plan's print view (e.g. "/__careerplan/print/jordan-lee/"), on plan pages only. */
  readonly printView?: string;
  /** While the first build runs (on the index only): how many plans are built of how many. */
  readonly building?: { readonly built: number; readonly plans: number };
}

/** Where the preview server serves the client script from memory. */
export const clientPath = '/__careerplan/client.js';

/** The id of the script element that holds the state; the client script reads it. */
const stateId = 'careerplan-preview';

/**
 * Adds the preview's state (a `<script type="application/json"
 * id="careerplan-preview">`) and `<script src="/__careerplan/client.js"
 * defer>` before `</head>`; at the start of `<body>`, or at the end, when
 * there is no head. Pure.
 */
export function injectPreview(html: string, state: PreviewState): string {
  const tags = `<script type="application/json" id="${stateId}">${scriptJson(state)}</script><script src="${clientPath}" defer></script>`;
  const headEnd = /<\/head\s*>/i.exec(html);
  if (headEnd) return html.slice(0, headEnd.index) + tags + html.slice(headEnd.index);
  const bodyStart = /<body(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?>/i.exec(html);
  if (bodyStart) {
    const at = bodyStart.index + bodyStart[0].length;
    return html.slice(0, at) + tags + html.slice(at);
  }
  return html + tags;
}

/** JSON that cannot end its script element or open a comment in it: `<`, `>`, `&` and the JS line separators as `\uXXXX`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
