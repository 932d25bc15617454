/** The types of find-browser.mjs, careerplan's one browser search (see its comment). */

/** Where the chosen browser came from. */
export type BrowserSource = 'flag or config' | 'environment' | 'installed' | 'puppeteer';

/** The browser careerplan will start, and why that one. */
export interface BrowserChoice {
  readonly path: string;
  readonly source: BrowserSource;
  /** A short sentence: "from --browser", "CAREERPLAN_BROWSER is set", "found /usr/bin/chromium", "downloaded by Puppeteer". */
  readonly reason: string;
}

/** What `findBrowser` looks at; every probe can be replaced. */
export interface FindBrowserOptions {
  /** A path given with `--browser` or the config's `pdf.browser`. */
  readonly explicit?: string | undefined;
  /** Where `explicit` came from, for the reason and the error: default "--browser or the config's `pdf.browser`". */
  readonly explicitFrom?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  /** Whether a file is there. Default: the real disk. */
  readonly exists?: (file: string) => boolean;
  /** The browser Puppeteer downloaded, if any; may throw (then it is none). Default: `puppeteerDownload`. */
  readonly puppeteerPath?: () => string | undefined;
}

/** An explicitly named browser (flag, config, environment) that is not there. */
export class BrowserNotFoundError extends Error {
  override readonly name: 'BrowserNotFoundError';
}

/** The environment variables that name a browser, in the order they are read. */
export const browserEnvironmentVariables: readonly ['CAREERPLAN_BROWSER', 'PUPPETEER_EXECUTABLE_PATH'];

/**
 * Finds the browser to print with: an explicit path, then CAREERPLAN_BROWSER
 * and PUPPETEER_EXECUTABLE_PATH, then an installed Chrome, Chromium or Edge,
 * then one that Puppeteer downloaded. A named path that is missing throws
 * `BrowserNotFoundError`; finding nothing returns `undefined`. Pure when every
 * probe is given; the defaults read the disk.
 */
export function findBrowser(options: FindBrowserOptions): BrowserChoice | undefined;

/** The usual places of Chrome, Chromium and Edge on a platform, most preferred first. Pure. */
export function installedBrowserPaths(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string[];

/** The one line shown when no browser is found: how to get one on this platform. Pure. */
export function howToGetABrowser(platform: NodeJS.Platform): string;

/** Whether a regular file is there (symbolic links followed). Reads the disk. */
export function isFile(file: string): boolean;

/** The browser Puppeteer's installer put in its cache folder at puppeteer-core's pinned build (headless shell first, then Chrome), if any. Reads the disk. */
export function puppeteerDownload(): string | undefined;
