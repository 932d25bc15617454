/**
 * The history as a coach and a client read it, in `careerplan history` and on
 * the built page, for an English and a German plan with a realistic past: the
 * vision rewritten, the horizon moved, an area to develop swapped, a goal's
 * kind changed, a step's resources added and removed, a due date moved, a
 * step done, and a change not yet saved. Sentences, not data: no ids, no
 * backticks, no commit ids or git words.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRepo, type ScriptedRepo } from '../support/git.js';
import { careerplan } from './run.js';

type Edit = readonly [from: string, to: string];

/** A plan in `lang`, with the words of that language. */
interface Scenario {
  readonly lang: 'en' | 'de';
  readonly base: string;
  /** Each commit's subject and edit, applied in turn. */
  readonly commits: ReadonlyArray<readonly [subject: string, edit: Edit]>;
  /** The change left unsaved. */
  readonly unsaved: Edit;
  /** Ids the plan has that no reader should see. */
  readonly ids: readonly string[];
}

const english: Scenario = {
  lang: 'en',
  base: `---
title: Career action plan
owner: Ana López
role: Junior data analyst
vision: Lead a small analytics team that helps the city's libraries plan their services.
horizon: 2030
priorities: [Learning, Team]
strengths: [Curiosity, Clear writing]
weaknesses: [Public speaking]
skills:
  - { id: sql-db, name: SQL, level: 2, target: 4 }
  - { id: speak-groups, name: Speaking to groups, level: 1, target: 3 }
goals:
  - title: Become senior analyst
    kind: professional
    measure: Promotion confirmed in writing
    due: 2027-12
    skills: [sql-db]
    steps:
      - title: Finish the advanced SQL course
        due: 2027-03
        resources: [Thursday afternoons off, Library card]
      - { title: Ask for a mentor, due: 2027-04 }
  - title: Speak at a meetup
    id: meetup-talk
    measure: One talk given
    due: 2027-09
    skills: [speak-groups]
    steps:
      - { title: Join the toastmasters club, due: 2027-05 }
---
Notes.
`,
  commits: [
    ['Sharpen the vision', ["vision: Lead a small analytics team that helps the city's libraries plan their services.", 'vision: Lead the analytics team of a public library network and mentor new analysts.']],
    ['Give it another year', ['horizon: 2030', 'horizon: 2031']],
    ['Rethink what to develop', ['weaknesses: [Public speaking]', 'weaknesses: [Saying no to extra work]']],
    ['The talk is personal', ['    id: meetup-talk\n', '    id: meetup-talk\n    kind: personal\n']],
    ['Course fee', ['resources: [Thursday afternoons off, Library card]', 'resources: [Thursday afternoons off, Course fee of 450 euros]']],
    ['Promotion later', ['    due: 2027-12', '    due: 2028-03']],
    ['SQL course done', ['        due: 2027-03\n', '        due: 2027-03\n        done: 2027-03-20\n        worth: yes\n']],
  ],
  unsaved: ['priorities: [Learning, Team]', 'priorities: [Learning]'],
  ids: ['become-senior-analyst', 'meetup-talk', 'sql-db', 'speak-groups'],
};

const german: Scenario = {
  lang: 'de',
  base: `---
title: Karriereplan
owner: Jana Müller
role: Sachbearbeiterin
lang: de
vision: Ein kleines Team in der Kundenberatung führen.
horizon: 2030
priorities: [Lernen, Familie]
strengths: [Geduld]
weaknesses: [Vor Gruppen sprechen]
skills:
  - { id: buchhaltung-basis, name: Buchhaltung, level: 2, target: 4 }
goals:
  - title: Prüfung zur Fachwirtin bestehen
    kind: professional
    measure: Zeugnis liegt vor
    due: 2027-12
    skills: [buchhaltung-basis]
    steps:
      - title: Vorbereitungskurs abschließen
        due: 2027-03
        resources: [Bildungsurlaub, Lehrbuch]
      - { title: Lerngruppe finden, due: 2027-04 }
  - title: Ehrenamt im Sportverein
    measure: Eine Saison als Trainerin
    due: 2027-09
    steps:
      - { title: Trainerschein machen, due: 2027-05 }
---
Notizen.
`,
  commits: [
    ['Vision geschärft', ['vision: Ein kleines Team in der Kundenberatung führen.', 'vision: Die Kundenberatung einer Filiale leiten und neue Kolleginnen einarbeiten.']],
    ['Ein Jahr mehr', ['horizon: 2030', 'horizon: 2031']],
    ['Entwicklungsfeld neu', ['weaknesses: [Vor Gruppen sprechen]', 'weaknesses: [Nein sagen]']],
    ['Ehrenamt ist privat', ['    measure: Eine Saison als Trainerin\n', '    kind: personal\n    measure: Eine Saison als Trainerin\n']],
    ['Kursgebühr', ['resources: [Bildungsurlaub, Lehrbuch]', 'resources: [Bildungsurlaub, Kursgebühr von 450 Euro]']],
    ['Prüfung später', ['    due: 2027-12', '    due: 2028-03']],
    ['Kurs geschafft', ['        due: 2027-03\n', '        due: 2027-03\n        done: 2027-03-20\n        worth: yes\n']],
  ],
  unsaved: ['priorities: [Lernen, Familie]', 'priorities: [Lernen]'],
  ids: ['pruefung-zur-fachwirtin-bestehen', 'ehrenamt-im-sportverein', 'buchhaltung-basis'],
};

const apply = (text: string, [from, to]: Edit): string => {
  expect(text, from).toContain(from);
  return text.replace(from, to);
};

/** A repository with the scenario's commits (one a fortnight from January 2027) and its unsaved change; the commit ids. */
function scripted(scenario: Scenario): { repo: ScriptedRepo; commits: string[] } {
  const repo = createRepo();
  const file = 'plans/plan.md';
  let text = scenario.base;
  repo.write(file, text);
  const commits = [repo.commit(scenario.lang === 'de' ? 'Plan angelegt' : 'Start the plan', '2027-01-05T10:00:00+01:00')];
  scenario.commits.forEach(([subject, edit], index) => {
    text = apply(text, edit);
    repo.write(file, text);
    commits.push(repo.commit(subject, `2027-${String(2 + Math.floor(index / 2)).padStart(2, '0')}-${index % 2 === 0 ? '01' : '15'}T10:00:00+01:00`));
  });
  repo.write(file, apply(text, scenario.unsaved));
  return { repo, commits };
}

/** The visible text of some HTML: tags out, entities decoded, spaces collapsed. */
function visible(html: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&#x60;': '`', '&#x3D;': '=' };
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#x27|#39|#x60|#x3D);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** What no reader should meet: backticks, the plan's ids, commit ids, git's words, a plural cut short. */
function expectProse(text: string, scenario: Scenario, commits: readonly string[]): void {
  expect(text).not.toContain('`');
  for (const id of scenario.ids) expect(text).not.toContain(id);
  for (const commit of commits) expect(text).not.toContain(commit.slice(0, 7));
  expect(text).not.toMatch(/commit|HEAD|shallow|clone|eingecheckt|Git\b/i);
  expect(text).not.toMatch(/weaknesse(?!s)|priorit(?:ie|y)s\b|strengthe\b/i);
}

/** What one scenario gave: its repository, its commits, what `careerplan history` printed and the page's history section. */
interface Seen {
  readonly repo: ScriptedRepo;
  readonly commits: readonly string[];
  readonly history: string;
  readonly section: string;
}
const runs = new Map<Scenario['lang'], Seen>();
const seen = (lang: Scenario['lang']): Seen => {
  const found = runs.get(lang);
  if (found === undefined) throw new Error(`no run of the ${lang} scenario`);
  return found;
};

beforeAll(async () => {
  for (const scenario of [english, german]) {
    const { repo, commits } = scripted(scenario);
    const history = await careerplan(['history', 'plans/plan.md'], { cwd: repo.dir });
    expect(history.stderr).toBe('');
    expect(history.status).toBe(0);
    const build = await careerplan(['build', '--no-pdf', '--as-of', '2027-06-01'], { cwd: repo.dir });
    expect(build.status).toBeLessThan(2);
    const html = readFileSync(path.join(repo.dir, 'out/plan/index.html'), 'utf8');
    const section = /<section class="section section--history"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    runs.set(scenario.lang, { repo, commits, history: history.stdout, section });
  }
}, 120_000);
afterAll(() => {
  for (const run of runs.values()) rmSync(run.repo.dir, { recursive: true, force: true });
});

describe('careerplan history reads as prose', () => {
  test('an English plan: each change a sentence, the vision before and after, the horizon, kinds and resources', () => {
    const { history, commits } = seen('en');
    const [header, ...rest] = history.split('\n');
    expect(header).toMatch(/^plans\/plan\.md — last changed \w+ \d{1,2}, \d{4}$/);
    expect(rest.join('\n')).toBe(
      [
        '',
        'Changes not yet saved in the plan’s history',
        '  - Priority removed: Team',
        '',
        'May 1, 2027 — SQL course done',
        '  ✓ Step done on March 20, 2027: “Finish the advanced SQL course” (goal “Become senior analyst”)',
        '  ~ Step “Finish the advanced SQL course” evaluated: worth it',
        '',
        'April 15, 2027 — Promotion later',
        '  ~ Due date of “Become senior analyst” moved: December 2027 → March 2028',
        '',
        'April 1, 2027 — Course fee',
        '  - Resource removed from step “Finish the advanced SQL course”: Library card',
        '  + Resource added to step “Finish the advanced SQL course”: Course fee of 450 euros',
        '',
        'March 15, 2027 — The talk is personal',
        '  ~ Kind of goal “Speak at a meetup”: Professional → Personal',
        '',
        'March 1, 2027 — Rethink what to develop',
        '  - Area to develop removed: Public speaking',
        '  + Area to develop added: Saying no to extra work',
        '',
        'February 15, 2027 — Give it another year',
        '  ~ Horizon: 2030 → 2031',
        '',
        'February 1, 2027 — Sharpen the vision',
        '  ~ Vision rewritten',
        "      Before: Lead a small analytics team that helps the city's libraries plan their services.",
        '      After:  Lead the analytics team of a public library network and mentor new analysts.',
        '',
        'January 5, 2027 — Start the plan',
        '  + Plan created with 2 goals and 2 skills',
        '',
      ].join('\n'),
    );
    expectProse(history, english, commits);
  });

  test('a German plan: the same facts, no ids or commit ids, in prose the terminal shows in English', () => {
    const { history, commits } = seen('de');
    expect(history).toContain('  ~ Kind of goal “Ehrenamt im Sportverein”: Professional → Personal');
    expect(history).toContain('  + Resource added to step “Vorbereitungskurs abschließen”: Kursgebühr von 450 Euro');
    expect(history).toContain('  ~ Horizon: 2030 → 2031');
    expect(history).toContain('  - Area to develop removed: Vor Gruppen sprechen');
    expectProse(history, german, commits);
  });
});

describe('the page’s history section reads as prose', () => {
  test('in English: sentences, the vision’s old and new text side by side, no commit ids', () => {
    const { section, commits } = seen('en');
    const text = visible(section);
    expect(text).toContain('Changes not yet saved in the plan’s history - Priority removed: Team');
    expect(text).toContain('Vision rewritten Before Lead a small analytics team that helps the city\'s libraries plan their services. After Lead the analytics team of a public library network and mentor new analysts.');
    expect(text).toContain('Horizon: 2030 → 2031');
    expect(text).toContain('Area to develop removed: Public speaking');
    expect(text).toContain('Kind of goal “Speak at a meetup”: Professional → Personal');
    expect(text).toContain('Resource added to step “Finish the advanced SQL course”: Course fee of 450 euros');
    expect(text).toContain('Due date of “Become senior analyst” moved: December 2027 → March 2028');
    expect(text).toContain('Step done on March 20, 2027: “Finish the advanced SQL course” (goal “Become senior analyst”)');
    expect(section).toMatch(/<dt>Before<\/dt><dd>Lead a small analytics team/);
    expect(section).not.toContain('<code');
    expectProse(text, english, commits);
  });

  test('in German: German sentences and nouns, singular where one item changed', () => {
    const { section, commits } = seen('de');
    const text = visible(section);
    expect(text).toContain('Änderungsverlauf');
    expect(text).toContain('Änderungen, noch nicht im Verlauf gespeichert - Priorität entfernt: Familie');
    expect(text).toContain('Vision neu formuliert Vorher Ein kleines Team in der Kundenberatung führen. Nachher Die Kundenberatung einer Filiale leiten und neue Kolleginnen einarbeiten.');
    expect(text).toContain('Horizont: 2030 → 2031');
    expect(text).toContain('Entwicklungsfeld entfernt: Vor Gruppen sprechen');
    expect(text).toContain('Entwicklungsfeld hinzugefügt: Nein sagen');
    expect(text).toContain('Art des Ziels „Ehrenamt im Sportverein“: Beruflich → Persönlich');
    expect(text).toContain('Ressource für Schritt „Vorbereitungskurs abschließen“ hinzugefügt: Kursgebühr von 450 Euro');
    expect(text).toContain('Ressource für Schritt „Vorbereitungskurs abschließen“ entfernt: Lehrbuch');
    expect(text).toContain('Fälligkeit von „Prüfung zur Fachwirtin bestehen“ verschoben: Dezember 2027 → März 2028');
    expect(text).toContain('Schritt erledigt am 20. März 2027: „Vorbereitungskurs abschließen“ (Ziel „Prüfung zur Fachwirtin bestehen“)');
    expect(text).not.toMatch(/\b(?:added|removed|moved|Before|After)\b/);
    expectProse(text, german, commits);
  });
});
