/**
 * The git edge: runs the real `git` as a child process (never a shell) to
 * learn a file's commits and read its versions, only in the project's own
 * repository and always with `safeGitSettings`, and reads every output as
 * NUL-separated fields. `git` missing, or a project that is not in a
 * repository, is an answer (`undefined`), not an error.
 * Touches the world: starts processes, reads the repository.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { lstatSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../lib/paths.js';

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
  /** Settings given to every git command in it besides `safeGitSettings`: its filter drivers turned off. */
  readonly overrides: readonly string[];
  /** The command's environment, which every git command in it starts from (see `gitEnv`). */
  readonly env: GitEnvironment;
}

/** An environment as a command sees it (`Io.env`). */
type GitEnvironment = Readonly<Record<string, string | undefined>>;

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

/**
 * The settings every git command gets (each as `-c`), so that no config a
 * repository holds can make git run a program or talk to the network: no
 * fsmonitor, no hooks, no pager, no external diff, no credential helper or
 * askpass, no transport at all (a partial clone's lazy fetch included), no
 * signature check, no look into submodules (whose config would then count),
 * and no colours or quoting in the output careerplan parses.
 */
export const safeGitSettings = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.askPass=',
  'core.sshCommand=',
  'credential.helper=',
  'diff.external=',
  'diff.ignoreSubmodules=all',
  'submodule.recurse=false',
  'status.submoduleSummary=false',
  'log.showSignature=false',
  'protocol.allow=never',
  'gc.auto=0',
  'maintenance.auto=false',
  'color.ui=false',
  'core.quotepath=off',
  'i18n.logOutputEncoding=UTF-8',
] as const;

/** The filter driver settings that, set to nothing, keep a repository's `filter.<driver>` programs from running (`git status` runs `clean` filters). */
const filterCommands = ['clean', 'smudge', 'process'] as const;

/** The arguments before every git command's own: the safe settings, the repository's own overrides, no pager, literal paths. Pure. */
export function gitArguments(overrides: readonly string[], args: readonly string[]): string[] {
  return ['--no-pager', '--literal-pathspecs', ...[...safeGitSettings, ...overrides].flatMap((setting) => ['-c', setting]), ...args];
}

/** The environment of every git command: the user's, without system config, prompts, optional locks or lazy fetches. Pure. */
export function gitEnv(env: GitEnvironment): NodeJS.ProcessEnv {
  // The user's own GIT_DIR and the like are theirs to set; what git would run from the environment is turned off here.
  const { GIT_EXTERNAL_DIFF: _diff, GIT_PAGER: _pager, ...rest } = env;
  return { ...rest, LC_ALL: 'C', GIT_CONFIG_NOSYSTEM: '1', GIT_ATTR_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1' };
}

/** Where git runs and with what: the one way careerplan starts git. */
interface GitSite {
  readonly git: string;
  readonly root: string;
  readonly overrides: readonly string[];
  readonly env: GitEnvironment;
}

/** Starts git with the safe arguments and environment in `site.root`. Starts a process. */
function startGit(site: GitSite, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(site.git, gitArguments(site.overrides, args), { cwd: site.root, env: gitEnv(site.env), windowsHide: true });
}

/** Runs git with `args` in `site.root` to its end; `undefined` when git cannot be started at all. Starts a process. */
function runGit(site: GitSite, args: readonly string[]): Promise<GitResult | undefined> {
  return new Promise((resolve) => {
    const child = startGit(site, args);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let failed = false;
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.on('error', () => undefined);
    child.stdin.end();
    child.on('error', () => {
      failed = true;
      resolve(undefined);
    });
    child.on('close', (code) => {
      if (failed) return;
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** What decides the project's repository: the config file's folder, and the plans folder. */
export interface ProjectFolders {
  readonly root: string;
  readonly plans: string;
}

/** The folder git looks for the project's repository from: the project's root, or the folder holding the plans folder when the root is in it. Pure. */
export function projectFolder({ root, plans }: ProjectFolders): string {
  return isInside(plans, root) ? path.dirname(plans) : root;
}

/**
 * The project's repository: the one git finds from `projectFolder`, never
 * one inside the plans folder; `undefined` when there is none or no git.
 * Its filter drivers are turned off for every later command. Starts git.
 */
export async function findProjectRepository(project: ProjectFolders, git = 'git', env: GitEnvironment = process.env): Promise<Repository | undefined> {
  const folder = projectFolder(project);
  if (!mayBeInRepository(folder, env)) return undefined;
  const site: GitSite = { git, root: folder, overrides: [], env };
  const result = await runGit(site, ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-path', 'shallow']);
  if (!result || result.code !== 0) return undefined;
  const lines = result.stdout.replace(/\n$/, '').split('\n');
  // The top's path comes first and may itself hold a line break.
  const shallowFile = lines.pop();
  const shallow = lines.pop();
  const root = lines.join('\n');
  if (!root || !shallowFile) return undefined;
  const overrides = await filterOverrides({ ...site, root });
  if (!overrides) return undefined;
  const isShallow = shallow === 'true';
  let shallowCommits = new Set<string>();
  if (isShallow) {
    const text = await readFile(path.resolve(folder, shallowFile), 'utf8').catch(() => '');
    shallowCommits = new Set(text.split('\n').filter(Boolean));
  }
  return { root, shallow: isShallow, shallowCommits, git, overrides, env };
}

/** The settings that turn off every filter driver the repository's config names; `undefined` when one cannot be named on git's command line. Starts git. */
async function filterOverrides(site: GitSite): Promise<string[] | undefined> {
  const result = await runGit(site, ['config', '-z', '--get-regexp', '^filter\\.']);
  if (!result) return undefined;
  const drivers = new Set<string>();
  for (const entry of result.stdout.split('\0')) {
    const key = entry.split('\n', 1)[0] ?? '';
    const driver = /^filter\.(.*)\.[^.]+$/s.exec(key)?.[1];
    if (driver !== undefined) drivers.add(driver);
  }
  // `-c` splits at the first `=`: a driver whose name holds one cannot be turned off, so the repository is not used.
  if ([...drivers].some((driver) => driver.includes('=') || driver.includes('\n'))) return undefined;
  return [...drivers].flatMap((driver) => [...filterCommands.map((command) => `filter.${driver}.${command}=`), `filter.${driver}.required=false`]);
}

/**
 * Whether git could find a repository from `folder`: the environment names
 * one, or there is a `.git` (folder or file) in it or a folder above, as git
 * looks. When not, no git is started to say so: a process costs more than
 * the rest of a build with nothing changed. Reads the disk.
 */
export function mayBeInRepository(folder: string, env: GitEnvironment): boolean {
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
    if (hasGitEntry(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Whether `folder` holds a `.git` of any kind (folder, file, or a link, even a broken one). Reads the disk. */
function hasGitEntry(folder: string): boolean {
  return lstatSync(path.join(folder, '.git'), { throwIfNoEntry: false }) !== undefined;
}

/**
 * `file`'s path in the project's repository (relative to its top, with
 * forward slashes), or `undefined` when git must not be asked about it: the
 * file (its real path) is outside the working tree, or below a folder with
 * its own `.git` (a repository a plans folder brings: its history is not the
 * project's, and its config is not to be read). Reads the disk.
 */
export function placeInRepository(repository: Repository, file: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    try {
      real = path.join(realpathSync.native(path.dirname(file)), path.basename(file));
    } catch {
      return undefined;
    }
  }
  const relative = path.relative(repository.root, real);
  if (relative === '' || relative.startsWith(`..${path.sep}`) || relative === '..' || path.isAbsolute(relative)) return undefined;
  for (let dir = path.dirname(real); dir !== repository.root && dir.length > repository.root.length; dir = path.dirname(dir)) {
    if (hasGitEntry(dir)) return undefined;
  }
  return relative.split(path.sep).join('/');
}

/**
 * The commits that touched the file at `relativePath`, newest first,
 * following renames, each with the path and blob the file had there. A
 * merge is compared with its first parent. Starts git.
 */
export async function fileLog(repository: Repository, relativePath: string): Promise<LogEntry[]> {
  const args = (merges: readonly string[]): string[] => ['log', '--follow', ...logOptions, ...merges, `--format=${commitFormat}`, '--', relativePath];
  let result = await runGit(repository, args(['--diff-merges=first-parent']));
  // Git before 2.31 has no --diff-merges: merges are then left out, the commits on their branches are still there.
  if (result && result.code !== 0 && /diff-merges/.test(result.stderr)) result = await runGit(repository, args([]));
  if (!result) throw new Error('git stopped being available while reading the history');
  // A repository without any commit yet has no history.
  if (result.code !== 0) {
    if (/does not have any commits|bad default revision|unknown revision/i.test(result.stderr)) return [];
    throw new Error(`git log failed: ${firstLine(result.stderr)}`);
  }
  return parseLog(result.stdout);
}

/** The options of every `git log` careerplan parses: NUL-separated raw changes with full ids, no programs for diffs, no colours. */
const logOptions = ['-z', '--raw', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--no-color', '--no-show-signature'] as const;

/** A commit's header in `git log`: id, parents, author date, subject, each ended by NUL so that no byte of a subject can end a field early. */
export const commitFormat = '%H%x00%P%x00%aI%x00%s';

/** How many NUL-separated fields `commitFormat` gives. */
const commitFields = 4;

/** Whether a blob id is git's null id (no file). Pure. */
export function isNullBlob(blob: string): boolean {
  return /^0+$/.test(blob);
}

/** Parses `git log -z --raw --format=<commitFormat>` output of one file into entries. Pure. */
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

/** Reads git's NUL-separated raw output one token at a time (see `createRawReader`). */
export interface RawReader {
  /** Takes the next token (the text between two NULs). */
  push(token: string): void;
  /** Ends the output: a last header cut short is still given. */
  end(): void;
}

/**
 * A reader of `-z --raw` output, as `git log` and `git diff-tree --stdin`
 * give it: a header of `fields` tokens (the first a commit id), then any
 * number of raw changes, each a token starting with `:` and then one path
 * (two for a rename or copy). Which token is which follows from the count
 * alone, so a subject or a path may hold any byte but NUL. Pure.
 */
export function createRawReader(fields: number, onHeader: (header: readonly string[]) => void, onChange: (change: RawChange) => void): RawReader {
  let header: string[] = [];
  let pending: { readonly meta: string; readonly paths: string[]; readonly wanted: number } | undefined;
  const emitHeader = (): void => {
    const complete = [...header, ...Array<string>(Math.max(0, fields - header.length)).fill('')];
    header = [];
    if (complete[0] !== '') onHeader(complete);
  };
  return {
    push(token) {
      if (pending) {
        pending.paths.push(token);
        if (pending.paths.length === pending.wanted) {
          onChange(rawChange(pending.meta, pending.paths));
          pending = undefined;
        }
        return;
      }
      if (header.length > 0 && header.length < fields) {
        header.push(token);
        if (header.length === fields) emitHeader();
        return;
      }
      // Between commits: git puts a line break before the first raw line; a commit id never starts with `:`.
      const bare = token.startsWith('\n') ? token.slice(1) : token;
      if (bare.startsWith(':')) {
        const status = bare.slice(1).split(' ')[4] ?? '';
        pending = { meta: bare, paths: [], wanted: status.startsWith('R') || status.startsWith('C') ? 2 : 1 };
        return;
      }
      header = [bare];
      if (fields === 1) emitHeader();
    },
    end() {
      if (header.length > 0) emitHeader();
    },
  };
}

/** One raw change from its `:` token and its path(s). Pure. */
function rawChange(meta: string, paths: readonly string[]): RawChange {
  const fields = meta.slice(1).split(' ');
  const previousBlob = fields[2] ?? '';
  const blob = fields[3] ?? '';
  const status = (fields[4] ?? 'M').charAt(0) as FileStatus;
  return paths.length === 2 ? { status, previousPath: paths[0] ?? '', path: paths[1] ?? '', blob, previousBlob } : { status, path: paths[0] ?? '', blob, previousBlob };
}

/** Parses `git log -z --raw --format=<commitFormat>` output into commits with all their raw lines. Pure. */
export function parseRawLog(output: string): LogCommit[] {
  const commits: Array<{ commit: string; parents: readonly string[]; date: string; subject: string; changes: RawChange[] }> = [];
  const reader = createRawReader(
    commitFields,
    ([commit = '', parents = '', date = '', subject = '']) => commits.push({ commit, parents: parents.split(' ').filter(Boolean), date, subject, changes: [] }),
    (change) => commits.at(-1)?.changes.push(change),
  );
  for (const token of output.split('\0')) reader.push(token);
  reader.end();
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
  const result = await runGit(repository, ['log', ...logOptions, '--no-renames', '--no-follow', '--full-history', '--diff-merges=first-parent', `--format=${commitFormat}`, '--', ...folders]);
  if (!result) throw new Error('git stopped being available while reading the history');
  if (result.code !== 0) {
    if (/diff-merges/.test(result.stderr)) return undefined;
    if (/does not have any commits|bad default revision|unknown revision/i.test(result.stderr)) return [];
    throw new Error(`git log failed: ${firstLine(result.stderr)}`);
  }
  return parseRawLog(result.stdout);
}

/** Reads a child's stdout as NUL-separated tokens into `reader`, across chunk boundaries. */
function readTokens(child: ChildProcessWithoutNullStreams, reader: RawReader): void {
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const tokens = pending.split('\0');
    pending = tokens.pop() ?? '';
    for (const token of tokens) reader.push(token);
  });
  child.stdout.on('end', () => {
    if (pending !== '') reader.push(pending);
    reader.end();
  });
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
    const child = startGit(repository, ['diff-tree', '--stdin', '-z', '-r', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--no-color', '-C', '--find-copies-harder', '-l0']);
    let changes: RawChange[] = [];
    readTokens(
      child,
      createRawReader(
        1,
        ([commit = '']) => {
          changes = sources.get(commit) ?? [];
          sources.set(commit, changes);
        },
        (change) => {
          if (change.status === 'R' || change.status === 'C') changes.push(change);
        },
      ),
    );
    const errors: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => reject(new Error(`could not run git diff-tree: ${error.message}`, { cause: error })));
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`git diff-tree failed: ${firstLine(Buffer.concat(errors).toString('utf8'))}`));
        return;
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
    const child = startGit(repository, ['log', ...logOptions, '--diff-merges=first-parent', '--format=%H', '--', ...folders]);
    let commit = '';
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      child.kill();
      resolve(found);
    };
    readTokens(
      child,
      createRawReader(
        1,
        ([id = '']) => {
          commit = id;
        },
        (change) => {
          if (!wanted.has(change.path) || found.has(change.path)) return;
          found.set(change.path, commit);
          if (found.size === wanted.size) finish();
        },
      ),
    );
    child.stderr.resume();
    child.stdin.end();
    child.on('error', (error) => {
      if (!done) reject(new Error(`could not run git log: ${error.message}`, { cause: error }));
      done = true;
    });
    child.on('close', finish);
  });
}

/** The commit `revision` names, or `undefined` when it names none. Starts git. */
export async function resolveCommit(repository: Repository, revision: string): Promise<string | undefined> {
  const result = await runGit(repository, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  return result?.code === 0 ? result.stdout.trim() : undefined;
}

/** The author date (ISO 8601) of the commit `revision` names, or `undefined` when it names none. Starts git. */
export async function commitDate(repository: Repository, revision: string): Promise<string | undefined> {
  const commit = await resolveCommit(repository, revision);
  if (commit === undefined) return undefined;
  const result = await runGit(repository, ['log', '-1', '--no-show-signature', '--no-color', '--format=%aI', commit]);
  return result?.code === 0 ? result.stdout.trim() : undefined;
}

/** The commits after `since` up to HEAD that touched any of `paths`. Starts git. */
export async function commitsSince(repository: Repository, since: string, paths: readonly string[]): Promise<Set<string>> {
  const result = await runGit(repository, ['rev-list', `${since}..HEAD`, '--', ...paths]);
  if (!result || result.code !== 0) throw new Error(`git rev-list failed: ${firstLine(result?.stderr ?? 'git is gone')}`);
  return new Set(result.stdout.split('\n').filter(Boolean));
}

/** The options of every `git status`: NUL-separated, every untracked and ignored file named, and never a look into a submodule (git would run there with its config). */
const statusOptions = ['status', '--porcelain=v1', '-z', '--ignored=matching', '--untracked-files=all', '--no-renames', '--ignore-submodules=all'] as const;

/** Whether the file's working copy differs from HEAD (staged or not), is untracked or ignored. Starts git. */
export async function workingState(repository: Repository, relativePath: string): Promise<WorkingState> {
  return stateOf(await workingStates(repository, [relativePath]), relativePath);
}

/** What `git status` says of the files below some folders: paths relative to the repository's top, a folder's ending in `/` (an ignored folder). */
export type WorkingStates = ReadonlyMap<string, WorkingState>;

/** The state of every file below `folders` that is not clean, in one `git status`. Starts git. */
export async function workingStates(repository: Repository, folders: readonly string[]): Promise<WorkingStates> {
  const states = new Map<string, WorkingState>();
  const result = await runGit(repository, [...statusOptions, '--', ...folders]);
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
    const started = startGit(repository, ['cat-file', '--batch']);
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
