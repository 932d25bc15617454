/** Real git repositories in temporary folders, with scripted, deterministic commits. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findProjectRepository, type Repository } from '../../src/edges/git.js';

/** The environment of every scripted git command: no user or system config, a fixed author. */
export function gitEnv(date = '2027-01-01T09:00:00+01:00'): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_NAME: 'Jordan Lee',
    GIT_AUTHOR_EMAIL: 'jordan@example.org',
    GIT_COMMITTER_NAME: 'Jordan Lee',
    GIT_COMMITTER_EMAIL: 'jordan@example.org',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

/** A scripted repository. */
export interface ScriptedRepo {
  /** Its folder (a real path). */
  readonly dir: string;
  /** Runs git in the repository; returns its trimmed stdout. */
  git(args: readonly string[], date?: string): string;
  /** Writes a file below the repository. */
  write(relative: string, text: string): void;
  /** Stages everything and commits it at `date`; returns the commit id. */
  commit(message: string, date: string): string;
}

/** Creates an empty repository (branch `main`) in a new temporary folder, or in `dir` (made when missing). */
export function createRepo(dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-git-')))): ScriptedRepo {
  const git = (args: readonly string[], date?: string): string => execFileSync('git', [...args], { cwd: dir, env: gitEnv(date), encoding: 'utf8' }).trim();
  mkdirSync(dir, { recursive: true });
  git(['init', '-q', '-b', 'main']);
  return {
    dir,
    git,
    write(relative, text) {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    commit(message, date) {
      git(['add', '-A'], date);
      git(['commit', '-q', '--allow-empty', '-m', message], date);
      return git(['rev-parse', 'HEAD']);
    },
  };
}

/** A plan with two goals, two skills and an opportunity; `edits` replace text in it. */
export function jordanPlan(edits: ReadonlyArray<readonly [string, string]> = []): string {
  let text = `---
title: Career action plan
owner: Jordan Lee
skills:
  - { name: SQL, id: sql, level: 2, target: 4 }
  - { name: Public speaking, id: speaking, level: 1, target: 3 }
goals:
  - title: Earn a promotion to Senior Analyst
    id: promotion
    measure: Promotion confirmed in writing by HR
    due: 2027-06
    skills: [sql]
    steps:
      - { title: Complete the advanced SQL course, due: 2027-03 }
      - Present the quarterly report
  - title: Speak at the all-hands
    id: all-hands
    measure: One talk given
    due: 2027-12
    skills: [speaking]
    steps: [Join Toastmasters]
# more goals
opportunities:
  - { title: Team lead opening, date: 2027-05 }
---

Notes from the first meeting.
`;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`jordanPlan: no \`${from}\` to replace`);
    text = text.replace(from, to);
  }
  return text;
}

/** Runs `git clone` of `source` into a new temporary folder with `args` (such as `--depth 2`); returns the clone's folder. */
export function cloneRepo(source: string, args: readonly string[]): string {
  const target = path.join(realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careerplan-clone-'))), 'clone');
  execFileSync('git', ['clone', '-q', ...args, `file://${source}`, target], { env: gitEnv(), encoding: 'utf8' });
  return target;
}

/** The commits of `scriptJordanHistory`, oldest first. */
export interface JordanHistory {
  readonly repo: ScriptedRepo;
  readonly commits: {
    readonly start: string;
    readonly dueMoved: string;
    readonly goalAdded: string;
    readonly goalRenamed: string;
    readonly stepsDone: string;
    readonly fileRenamed: string;
    readonly broken: string;
    readonly fixed: string;
  };
}

/**
 * A plan's life in eight commits, with an unrelated commit between: created,
 * due moved, a goal added, a goal retitled (same id), a step done and a skill
 * raised, the file renamed (`git mv`), a version that is not valid YAML, and
 * its repair with a step added.
 */
export function scriptJordanHistory(repo: ScriptedRepo = createRepo()): JordanHistory {
  const edits: Array<readonly [string, string]> = [];
  const step = (message: string, date: string, ...more: Array<readonly [string, string]>): string => {
    edits.push(...more);
    repo.write('plans/jordan.md', jordanPlan(edits));
    return repo.commit(message, date);
  };
  const start = step('Start the plan', '2027-01-05T10:00:00+01:00');
  repo.write('README.md', 'Our plans.\n');
  repo.commit('Add a readme', '2027-01-20T10:00:00+01:00');
  const dueMoved = step('Move the promotion to December', '2027-02-01T10:00:00+01:00', ['due: 2027-06\n', 'due: 2027-12\n']);
  const goalAdded = step('Add a Python goal', '2027-02-15T10:00:00+01:00', [
    '# more goals\n',
    '  - { title: Learn Python, id: python, measure: A course certificate, due: 2028-Q1, steps: [Enrol in the evening course] }\n',
  ]);
  const goalRenamed = step('Retitle the promotion goal', '2027-03-01T10:00:00+01:00', ['title: Earn a promotion to Senior Analyst', 'title: Become Senior Analyst']);
  const stepsDone = step(
    'Finish the SQL course',
    '2027-03-20T18:30:00-05:00',
    ['{ title: Complete the advanced SQL course, due: 2027-03 }', '{ title: Complete the advanced SQL course, due: 2027-03, done: 2027-03-20, worth: yes }'],
    ['level: 2, target: 4', 'level: 3, target: 4'],
  );
  repo.git(['mv', 'plans/jordan.md', 'plans/jordan-lee.md']);
  const fileRenamed = repo.commit('Rename the plan file', '2027-04-01T10:00:00+02:00');
  const current = jordanPlan(edits);
  repo.write('plans/jordan-lee.md', current.replace('owner: Jordan Lee', 'owner: [Jordan Lee'));
  const broken = repo.commit('Half-finished edit', '2027-04-10T10:00:00+02:00');
  repo.write('plans/jordan-lee.md', current.replace('      - Present the quarterly report\n', '      - Present the quarterly report\n      - Ask for a mentor\n'));
  const fixed = repo.commit('Fix the plan and add a step', '2027-04-11T10:00:00+02:00');
  return { repo, commits: { start, dueMoved, goalAdded, goalRenamed, stepsDone, fileRenamed, broken, fixed } };
}

/** The project repository of a project whose root is `root` and whose plans are in `<root>/plans`, as the commands find it. Starts git. */
export function projectRepository(root: string, git?: string): Promise<Repository | undefined> {
  return findProjectRepository({ root, plans: path.join(root, 'plans') }, git);
}
