/**
 * What a build keys each page's history on, found cheaply: one `git log`
 * walk per repository, however many plans. Starts git; loads none of the
 * parsing stages (a build with nothing changed needs only this).
 */
import path from 'node:path';
import { findRepository, newestCommits, repositoryPath, type Repository } from './edges/git.js';

/**
 * A stamp per plan file that changes whenever its history does: the newest
 * commit that touched it (and whether the clone is shallow), `git:none` for
 * a plan in a repository with no commit of it, `none` outside a repository.
 * With the plan's text (whose changes are the uncommitted ones), it is what a
 * build cache keys a page's history on. One `git log` walk per repository,
 * however many plans. Starts git.
 */
export async function historyStamps(files: readonly string[], options: { readonly git?: string } = {}): Promise<Map<string, string>> {
  const stamps = new Map<string, string>();
  const byFolder = new Map<string, Promise<Repository | undefined>>();
  const byRoot = new Map<string, { repository: Repository; files: Array<{ file: string; relative: string }> }>();
  for (const file of files) {
    const folder = path.dirname(file);
    let found = byFolder.get(folder);
    if (!found) {
      found = findRepository(file, options.git);
      byFolder.set(folder, found);
    }
    const repository = await found;
    if (!repository) {
      stamps.set(file, 'none');
      continue;
    }
    const group = byRoot.get(repository.root) ?? { repository, files: [] };
    group.files.push({ file, relative: await repositoryPath(repository, file) });
    byRoot.set(repository.root, group);
  }
  for (const { repository, files: inRepository } of byRoot.values()) {
    const newest = await newestCommits(repository, inRepository.map((entry) => entry.relative));
    for (const { file, relative } of inRepository) {
      const commit = newest.get(relative);
      stamps.set(file, commit === undefined ? 'git:none' : `git:${commit}${repository.shallow ? ':shallow' : ''}`);
    }
  }
  return new Map(files.map((file) => [file, stamps.get(file) ?? 'none']));
}
