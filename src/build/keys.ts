/**
 * The build cache's keys: a plan's key changes whenever its page, its model
 * or its PDF would, the site's whenever any page or the index would. Pure.
 */
import { hashOf } from '../lib/hash.js';
import type { PlanFileFacts } from './plan-sources.js';

/** What every page of a build depends on besides its plan's text. */
export interface SiteWide {
  readonly tool: string;
  readonly modelVersion: number;
  /** The resolved config, as JSON. */
  readonly config: string;
  readonly cwd: string;
  readonly themeFingerprint: string;
  readonly pdfs: boolean;
  /** Every plan file of the build (which plans exist changes links between them). */
  readonly files: readonly string[];
  /** A hash of the plans folder's other files (`otherFiles`). */
  readonly otherFiles: string;
}

/** The keys of a build: one per plan file, and one for the site (the index, `plans.json`, the assets). */
export interface BuildKeys {
  readonly plans: ReadonlyMap<string, string>;
  readonly site: string;
}

/** The key of each plan file (from its text's hash, its history stamp and its day) and of the whole site, shard included. Pure. */
export function buildKeys(siteWide: SiteWide, planFiles: readonly string[], facts: ReadonlyMap<string, Pick<PlanFileFacts, 'hash' | 'day'>>, stamps: ReadonlyMap<string, string>, shard: string): BuildKeys {
  const wide = hashOf([siteWide.tool, String(siteWide.modelVersion), siteWide.config, siteWide.cwd, siteWide.themeFingerprint, String(siteWide.pdfs), ...siteWide.files, siteWide.otherFiles]);
  const plans = new Map(
    planFiles.map((file) => {
      const fact = facts.get(file);
      return [file, hashOf([wide, file, fact?.hash ?? '', stamps.get(file) ?? '', fact?.day ?? ''])] as const;
    }),
  );
  return { plans, site: hashOf([wide, shard, ...planFiles.map((file) => plans.get(file) ?? '')]) };
}
