/**
 * The print view of a plan in the live preview: the plan's current PDF
 * filling the window, reloaded by the client script whenever a new one is
 * printed. Served from memory at `/__careerplan/print/<slug>/`. Pure.
 */
import { injectPreview, type PreviewState } from './inject.js';

/** What the print view of one plan shows. */
export interface PrintViewOptions {
  /** The plan's output name; its page is `/<slug>/` and its PDF `/<slug>/<slug>.pdf`. */
  readonly slug: string;
  readonly title: string;
  /** The plan's language, for the page's `lang`. */
  readonly lang: string;
  /** Whether the PDF has been printed; if not, the page says it is being printed and reloads when it is. */
  readonly pdfReady: boolean;
  readonly state: PreviewState;
}

/** The HTML of a plan's print view, with the preview's state and client script as `injectPreview` adds them. Pure. */
export function printViewPage({ slug, title, lang, pdfReady, state }: PrintViewOptions): string {
  const planUrl = `/${encodeURIComponent(slug)}/`;
  const content = pdfReady
    ? `<iframe id="careerplan-pdf" data-slug="${escapeHtml(slug)}" src="${escapeHtml(`${planUrl}${encodeURIComponent(slug)}.pdf`)}" title="${escapeHtml(`PDF of ${title}`)}"></iframe>`
    : `<p id="careerplan-pdf-pending" data-slug="${escapeHtml(slug)}">The PDF is being printed; this page shows it when it is ready.</p>`;
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Print view: ${escapeHtml(title)}</title>
<style>
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; background: #525659; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 1rem; padding: 0.5rem 1rem; background: #fff; border-bottom: 1px solid #ccc; }
h1 { margin: 0; font-size: 1rem; }
header p { margin: 0; color: #555; font-size: 0.875rem; }
main { flex: 1; display: flex; min-height: 0; }
iframe { flex: 1; border: 0; }
#careerplan-pdf-pending { margin: 2rem auto; padding: 1rem 1.5rem; max-width: 32rem; background: #fff; border-radius: 4px; }
</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><a href="${escapeHtml(planUrl)}">Back to the plan</a><p>This page shows the new PDF by itself when it has been printed.</p></header>
<main>${content}</main>
</body>
</html>
`;
  // The page is the print view: a link to itself would only be in the way.
  return injectPreview(html, { problems: state.problems });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
