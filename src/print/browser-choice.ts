/**
 * Which browser prints a command's PDFs: the one `--browser` or the config
 * names, else one found on the machine; or why there is none. One decision
 * for `build`, `watch` and `review`. Looks at the disk.
 */
import type { Config } from '../config/config.js';
import { BrowserNotFoundError, findBrowser, howToGetABrowser, type BrowserChoice } from '../edges/browser.js';
import type { Io } from '../io.js';

/** A browser found, or why there is none (`named`: the browser given by a flag or the config is not there). */
export type BrowserPick = { readonly browser: BrowserChoice } | { readonly browser?: undefined; readonly problem: string; readonly named: boolean };

/** Finds the browser to print with, `flag` (`--browser`) first, then the config's `pdf.browser`, then the machine's. Looks at the disk. */
export function pickBrowser(config: Pick<Config, 'pdf'>, flag: string | undefined, env: Io['env']): BrowserPick {
  try {
    const explicitFrom = flag ? '--browser' : '`pdf.browser` in the config';
    const browser = findBrowser({ explicit: flag ?? config.pdf.browser, explicitFrom, env });
    return browser ? { browser } : { problem: howToGetABrowser(process.platform), named: false };
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    return { problem: error.message, named: true };
  }
}
