/**
 * The git edge: runs the real `git` as a child process (never a shell) to
 * learn a file's commits and read its versions. `git` missing, or a folder
 * that is not in a repository, is an answer (`undefined`), not an error.
 * Touches the world: starts processes, reads the repository.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

/** A repository that holds a file. */
export interface Repository {
  /** The working tree's top folder (a real path). */
  readonly root: string;
  /** Whether the clone is shallow: history stops at `shallowCommits`. */
  readonly shallow: boolean;
  /** The commits whose parents this clone does not have. */
  readonly shallowCommits: ReadonlySet<string>;
  /** The git program to run. */
  readonly git: string;
}

/** How a commit touched the file (git's status letters: added, modified, renamed, copied, deleted, type changed). */
export type FileStatus = 'A' | 'M' | 'R' | 'C' | 'D' | 'T';

/** One commit that touched a file, as `git log --follow` saw it. */
export interface LogEntry {
  readonly commit: string;
  readonly parents: readonly string[];
  /** The author date, ISO 8601 with the author's offset. */
  readonly date: string;
  readonly subject: string;
  readonly status: FileStatus;
  /** The file's path at this commit, relative to the repository's top. */
  readonly path: string;
  /** The path before a rename or copy. */
  readonly previousPath?: string;
  /** The file's blob id at this commit (all zeros when the commit deleted it). */
  readonly blob: string;
  /** The file's blob id in the commit's (first) parent, before a rename; all zeros when the commit added it. */
  readonly previousBlob: string;
}

/** What `git status` says of one file. */
export type WorkingState = 'clean' | 'changed' | 'untracked' | 'ignored';

interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The options every git command gets: no pager, no quoting of non-ASCII paths, literal paths. */
const baseArgs = ['--no-pager', '-c', 'core.quotepath=off', '--literal-pathspecs'];

function gitEnv(): NodeJS.ProcessEnv {
  // No prompts, no lock taken by a read, and no fetching of missing objects in a partial clone (git 2.44 and later).
  return { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1' };
}

/** Runs git with `args` in `cwd`; `undefined` when git cannot be started at all. Starts a process. */
function runGit(git: string, cwd: string, args: readonly string[]): Promise<GitResult | undefined> {
  return new Promise((resolve) => {
    execFile(git, [...baseArgs, ...args], { cwd, env: gitEnv(), maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        resolve(undefined);
        return;
      }
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

/** The repository whose working tree holds `file`, or `undefined` (not in one, or no git). Starts git. */
export async function findRepository(file: string, git = 'git'): Promise<Repository | undefined> {
  if (!mayBeInRepository(path.dirname(file))) return undefined;
  const result = await runGit(git, path.dirname(file), ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-path', 'shallow']);
  if (!result || result.code !== 0) return undefined;
  const [root, shallow, shallowFile] = result.stdout.split('\n');
  if (!root || !shallowFile) return undefined;
  const isShallow = shallow === 'true';
  let shallowCommits = new Set<string>();
  if (isShallow) {
    const text = await readFile(path.resolve(path.dirname(file), shallowFile), 'utf8').catch(() => '');
    shallowCommits = new Set(text.split('\n').filter(Boolean));
  }
  return { root, shallow: isShallow, shallowCommits, git };
}

/**
 * Whether git could find a repository from `folder`: the environment names
 * one, or there is a `.git` (folder or file) in it or a folder above, as git
 * looks. When not, no git is started to say so: a process costs more than
 * the rest of a build with nothing changed. Reads the disk.
 */
export function mayBeInRepository(folder: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.GIT_DIR !== undefined || env.GIT_WORK_TREE !== undefined) return true;
  let real: string;
  try {
    real = realpathSync.native(folder);
  } catch {
    return true;
  }
  // Git looks up from the real path. The path as given is looked at too: a needless "maybe" costs only one git process.
  return [path.resolve(folder), real].some((start) => nearestGitFolder(start) !== undefined);
}

/** The nearest folder, from `folder` up, that holds a `.git` (a folder, or a file in a worktree or submodule); undefined when none does. Reads the disk. */
export function nearestGitFolder(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `file`'s path relative to the repository's top, with forward slashes. Reads the disk for real paths. */
export async function repositoryPath(repository: Repository, file: string): Promise<string> {
  const real = await realpath(file).catch(async () => path.join(await realpath(path.dirname(file)), path.basename(file)));
  return path.relative(repository.root, real).split(path.sep).join('/');
}

/** `file`'s path relative to the repository's top, as `repositoryPath` gives it, read synchronously: for many files, no round trip each through the thread pool. Reads the disk. */
export function repositoryPathSync(repository: Repository, file: string): string {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    real = path.join(realpathSync.native(path.dirname(file)), path.basename(file));
  }
  return path.relative(repository.root, real).split(path.sep).join('/');
}

/**
 * The commits that touched the file at `relativePath`, newest first,
 * following renames, each with the path and blob the file had there. A
 * merge is compared with its first parent. Starts git.
 */
export async function fileLog(repository: Repository, relativePath: string): Promise<LogEntry[]> {
  const args = (merges: readonly string[]): string[] => ['log', '--follow', '-z', '--raw', '--no-abbrev', ...merges, '--format=%x1e%H%x1f%P%x1f%aI%x1f%s', '--', relativePath];
  let result = await runGit(repository.git, repository.root, args(['--diff-merges=first-parent']));
  // Git before 2.31 has no --diff-merges: merges are then left out, the commits on their branches are still there.
  if (result && result.code !== 0 && /diff-merges/.test(result.stderr)) result = await runGit(repository.git, repository.root, args([]));
  if (!result) throw new Error('git stopped being available while reading the history');
  // A repository without any commit yet has no history.
  if (result.code !== 0) {
    if (/does not have any commits|bad default revision|unknown revision/i.test(result.stderr)) return [];
    throw new Error(`git log failed: ${firstLine(result.stderr)}`);
  }
  return parseLog(result.stdout);
}

/** Whether a blob id is git's null id (no file). Pure. */
export function isNullBlob(blob: string): boolean {
  return /^0+$/.test(blob);
}

/** Parses `git log -z --raw --format=%x1e%H%x1f%P%x1f%aI%x1f%s` output of one file into entries. Pure. */
export function parseLog(output: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const { changes, ...commit } of parseRawLog(output)) {
    // A commit may list several raw lines (a rename seen as a delete and an add); the last names the file as it is after the commit.
    const found = changes.at(-1);
    if (found) entries.push({ ...commit, ...found });
  }
  return entries;
}

/** What one raw line of `git log --raw` says a commit did to one file. */
export type RawChange = Omit<LogEntry, 'commit' | 'parents' | 'date' | 'subject'>;

/** A commit of a log with the changes it made (to the paths the log was limited to). */
export interface LogCommit {
  readonly commit: string;
  readonly parents: readonly string[];
  readonly date: string;
  readonly subject: string;
  readonly changes: readonly RawChange[];
}

/** Parses `git log -z --raw --format=%x1e%H%x1f%P%x1f%aI%x1f%s` output into commits with all their raw lines. Pure. */
export function parseRawLog(output: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const record of output.split('\x1e')) {
    if (record === '') continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd < 0 ? record : record.slice(0, headerEnd);
    const [commit = '', parents = '', date = '', subject = ''] = header.split('\x1f');
    const tokens = (headerEnd < 0 ? '' : record.slice(headerEnd + 1)).replace(/^\n/, '').split('\0');
    const changes: RawChange[] = [];
    for (let index = 0; index < tokens.length; index += 1) {
      const meta = tokens[index] ?? '';
      if (!meta.startsWith(':')) continue;
      const fields = meta.slice(1).split(' ');
      const previousBlob = fields[2] ?? '';
      const blob = fields[3] ?? '';
      const status = (fields[4] ?? 'M').charAt(0) as FileStatus;
      if (status === 'R' || status === 'C') {
        changes.push({ status, previousPath: tokens[index + 1] ?? '', path: tokens[index + 2] ?? '', blob, previousBlob });
        index += 2;
      } else {
        changes.push({ status, path: tokens[index + 1] ?? '', blob, previousBlob });
        index += 1;
      }
    }
    commits.push({ commit, parents: parents.split(' ').filter(Boolean), date, subject, changes });
  }
  return commits;
}

/**
 * The commits that touched anything below `folders` (relative to the
 * repository's top), newest first, with every file each changed: one walk
 * for the history of every plan in them (see `followPath`). Like `git log
 * --follow`, it walks every parent of a merge and compares a merge with its
 * first parent. `undefined` when git is too old for `--diff-merges` (before
 * 2.31): then each file needs `fileLog`. Starts git.
 */
export async function folderLog(repository: Repository, folders: readonly string[]): Promise<LogCommit[] | undefined> {
  const result = await runGit(repository.git, repository.root, [
    'log', '-z', '--raw', '--no-abbrev', '--no-renames', '--no-follow', '--full-history', '--diff-merges=first-parent', '--format=%x1e%H%x1f%P%x1f%aI%x1f%s', '--', ...folders,
  ]);
  if (!result) throw new Error('git stopped being available while reading the history');
  if (result.code !== 0) {
    if (/diff-merges/.test(result.stderr)) return undefined;
    if (/does not have any commits|bad default revision|unknown revision/i.test(result.stderr)) return [];
    throw new Error(`git log failed: ${firstLine(result.stderr)}`);
  }
  return parseRawLog(result.stdout);
}

/**
 * The renames and copies git finds in each of `commits` compared with the
 * given parent, the way `git log --follow` looks for where an added file
 * came from: any file of the parent's whole tree may be the source. One
 * `git diff-tree --stdin` for all. Starts git.
 */
export function copySources(repository: Repository, commits: ReadonlyArray<{ readonly commit: string; readonly parent: string }>): Promise<Map<string, RawChange[]>> {
  const sources = new Map<string, RawChange[]>();
  if (commits.length === 0) return Promise.resolve(sources);
  return new Promise((resolve, reject) => {
    const child = spawn(repository.git, [...baseArgs, 'diff-tree', '--stdin', '-z', '-r', '--no-abbrev', '-C', '--find-copies-harder', '-l0'], {
      cwd: repository.root,
      env: gitEnv(),
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => reject(new Error(`could not run git diff-tree: ${error.message}`, { cause: error })));
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`git diff-tree failed: ${firstLine(Buffer.concat(errors).toString('utf8'))}`));
        return;
      }
      const tokens = Buffer.concat(chunks).toString('utf8').split('\0');
      let changes: RawChange[] = [];
      for (let index = 0; index < tokens.length; index += 1) {
        const token = (tokens[index] ?? '').replace(/^\n/, '');
        if (token === '') continue;
        if (!token.startsWith(':')) {
          changes = sources.get(token) ?? [];
          sources.set(token, changes);
          continue;
        }
        const fields = token.slice(1).split(' ');
        const status = (fields[4] ?? 'M').charAt(0) as FileStatus;
        const [previousBlob = '', blob = ''] = [fields[2], fields[3]];
        if (status === 'R' || status === 'C') {
          changes.push({ status, previousPath: tokens[index + 1] ?? '', path: tokens[index + 2] ?? '', blob, previousBlob });
          index += 2;
        } else index += 1;
      }
      resolve(sources);
    });
    child.stdin.end(commits.map(({ commit, parent }) => `${commit} ${parent}\n`).join(''));
  });
}

/**
 * The entries of the file now at `relativePath` in a `folderLog`, newest
 * first, as `git log --follow` gives them: where the followed path was
 * added by a commit with a parent, the rename or copy `sources` (see
 * `copySources`) give for that commit, if any, names both paths, and older
 * commits are followed under the source's path. A commit that `sources`
 * does not cover yet is added to `missing`, and its entry left an addition.
 * Pure.
 */
export function followPath(commits: readonly LogCommit[], relativePath: string, sources: ReadonlyMap<string, readonly RawChange[]> = new Map(), missing?: Set<string>): LogEntry[] {
  const entries: LogEntry[] = [];
  let followed = relativePath;
  for (const { changes, ...commit } of commits) {
    let found = changes.findLast((change) => change.path === followed);
    if (!found) continue;
    if (found.status === 'A' && commit.parents.length > 0) {
      const known = sources.get(commit.commit);
      if (known === undefined) missing?.add(commit.commit);
      found = known?.find((change) => change.path === followed) ?? found;
    }
    entries.push({ ...commit, ...found });
    if (found.previousPath !== undefined) followed = found.previousPath;
  }
  return entries;
}

/**
 * The newest commit that touched each of `relativePaths` (relative to the
 * repository's top), found in one walk of the log that stops as soon as
 * every path is found; a path no commit touched is absent. Starts git.
 */
export function newestCommits(repository: Repository, relativePaths: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(relativePaths);
  const found = new Map<string, string>();
  const folders = [...new Set(relativePaths.map((file) => path.posix.dirname(file)))];
  if (wanted.size === 0) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const child = spawn(repository.git, [...baseArgs, 'log', '-z', '--name-only', '--diff-merges=first-parent', '--format=%x1e%H', '--', ...folders], {
      cwd: repository.root,
      env: gitEnv(),
      windowsHide: true,
    });
    let pending = '';
    let commit = '';
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      child.kill();
      resolve(found);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const tokens = pending.split('\0');
      pending = tokens.pop() ?? '';
      for (const raw of tokens) {
        const token = raw.replace(/^\n/, '');
        if (token.startsWith('\x1e')) {
          commit = token.slice(1);
        } else if (wanted.has(token) && !found.has(token)) {
          found.set(token, commit);
          if (found.size === wanted.size) return finish();
        }
      }
    });
    child.stderr.resume();
    child.on('error', (error) => {
      if (!done) reject(new Error(`could not run git log: ${error.message}`, { cause: error }));
      done = true;
    });
    child.on('close', finish);
  });
}

/** The commit `revision` names, or `undefined` when it names none. Starts git. */
export async function resolveCommit(repository: Repository, revision: string): Promise<string | undefined> {
  const result = await runGit(repository.git, repository.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  return result?.code === 0 ? result.stdout.trim() : undefined;
}

/** The commits after `since` up to HEAD that touched any of `paths`. Starts git. */
export async function commitsSince(repository: Repository, since: string, paths: readonly string[]): Promise<Set<string>> {
  const result = await runGit(repository.git, repository.root, ['rev-list', `${since}..HEAD`, '--', ...paths]);
  if (!result || result.code !== 0) throw new Error(`git rev-list failed: ${firstLine(result?.stderr ?? 'git is gone')}`);
  return new Set(result.stdout.split('\n').filter(Boolean));
}

/** Whether the file's working copy differs from HEAD (staged or not), is untracked or ignored. Starts git. */
export async function workingState(repository: Repository, relativePath: string): Promise<WorkingState> {
  const result = await runGit(repository.git, repository.root, ['status', '--porcelain=v1', '-z', '--ignored=matching', '--untracked-files=all', '--no-renames', '--', relativePath]);
  if (!result || result.code !== 0) return 'clean';
  const code = result.stdout.slice(0, 2);
  if (code === '') return 'clean';
  if (code === '??') return 'untracked';
  if (code === '!!') return 'ignored';
  return 'changed';
}

/** What `git status` says of the files below some folders: paths relative to the repository's top, a folder's ending in `/` (an ignored folder). */
export type WorkingStates = ReadonlyMap<string, WorkingState>;

/** The state of every file below `folders` that is not clean, in one `git status`. Starts git. */
export async function workingStates(repository: Repository, folders: readonly string[]): Promise<WorkingStates> {
  const states = new Map<string, WorkingState>();
  const result = await runGit(repository.git, repository.root, ['status', '--porcelain=v1', '-z', '--ignored=matching', '--untracked-files=all', '--no-renames', '--', ...folders]);
  if (!result || result.code !== 0) return states;
  for (const line of result.stdout.split('\0')) {
    if (line.length < 4) continue;
    const code = line.slice(0, 2);
    states.set(line.slice(3), code === '??' ? 'untracked' : code === '!!' ? 'ignored' : 'changed');
  }
  return states;
}

/** The state of the file at `relativePath` in `workingStates`: its own, else that of a folder above it, else clean. Pure. */
export function stateOf(states: WorkingStates, relativePath: string): WorkingState {
  const own = states.get(relativePath);
  if (own !== undefined) return own;
  for (let end = relativePath.indexOf('/'); end >= 0; end = relativePath.indexOf('/', end + 1)) {
    const folder = states.get(relativePath.slice(0, end + 1));
    if (folder !== undefined) return folder;
  }
  return 'clean';
}

/** Reads blobs by id through one long-lived `git cat-file --batch`. */
export interface BlobReader {
  /** The blob's bytes; requests may overlap and are answered in order. */
  read(blob: string): Promise<Buffer>;
  /** Ends the git process. */
  close(): void;
}

/** Starts `git cat-file --batch` in the repository; close it when done. Starts a process. */
export function createBlobReader(repository: Repository): BlobReader {
  let child: ChildProcessWithoutNullStreams | undefined;
  const waiting: Array<{ blob: string; resolve: (bytes: Buffer) => void; reject: (error: Error) => void }> = [];
  let buffered: Buffer = Buffer.alloc(0);
  let failure: Error | undefined;

  const failAll = (error: Error): void => {
    failure ??= error;
    for (const request of waiting.splice(0)) request.reject(failure);
  };

  const drain = (): void => {
    while (waiting.length > 0) {
      const headerEnd = buffered.indexOf(0x0a);
      if (headerEnd < 0) return;
      const header = buffered.subarray(0, headerEnd).toString('utf8');
      const request = waiting[0]!;
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        buffered = buffered.subarray(headerEnd + 1);
        waiting.shift();
        request.reject(new Error(`git has no object ${request.blob} (${header})`));
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (!Number.isInteger(size)) {
        failAll(new Error(`unexpected answer from git cat-file: ${header}`));
        return;
      }
      // The content and the newline after it.
      if (buffered.length < headerEnd + 1 + size + 1) return;
      const bytes = Buffer.from(buffered.subarray(headerEnd + 1, headerEnd + 1 + size));
      buffered = buffered.subarray(headerEnd + 1 + size + 1);
      waiting.shift();
      request.resolve(bytes);
    }
  };

  const start = (): ChildProcessWithoutNullStreams => {
    const started = spawn(repository.git, [...baseArgs, 'cat-file', '--batch'], { cwd: repository.root, env: gitEnv(), windowsHide: true });
    started.stdout.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      drain();
    });
    started.on('error', (error) => failAll(new Error(`could not run git cat-file: ${error.message}`, { cause: error })));
    started.on('close', () => failAll(new Error('git cat-file ended early')));
    started.stdin.on('error', () => undefined);
    started.stderr.resume();
    return started;
  };

  return {
    read(blob) {
      if (failure) return Promise.reject(failure);
      child ??= start();
      const process = child;
      return new Promise((resolve, reject) => {
        waiting.push({ blob, resolve, reject });
        process.stdin.write(`${blob}\n`);
      });
    },
    close() {
      failure ??= new Error('the blob reader is closed');
      child?.stdin.end();
      child = undefined;
    },
  };
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'no message';
}
