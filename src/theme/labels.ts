/**
 * Every visible word of the default theme, in English and German. A label is
 * text, or one/other forms chosen by a count; `{name}` marks a value the
 * template passes in. Other languages fall back to English. Pure.
 */
import type { TimelineText } from '../timeline/types.js';
import { languageOf } from '../intl.js';

/** A label whose form depends on a count (`{n}`), as Intl.PluralRules names the forms. */
export interface PluralLabel {
  readonly one: string;
  readonly other: string;
}

const en = {
  siteName: 'Career action plans',
  skipToContent: 'Skip to content',
  contents: 'Contents',
  allPlans: 'All plans',
  downloadPdf: 'Download PDF',
  addToCalendar: 'Add to calendar (.ics)',
  pageOf: 'Page {page} of {total}',
  careerActionPlan: 'Career action plan',
  madeWith: 'Made with {generator}',
  source: 'Source: {file}',
  asOf: 'As of',
  asOfDate: 'As of {date}',
  created: 'Created',
  reviewed: 'Reviewed',
  lastRevised: 'Last revised',
  horizon: 'Horizon',
  role: 'Role',
  owner: 'Owner',
  plan: 'Plan',
  progress: 'Progress',
  overall: 'Overall progress',
  goalStatuses: 'Goals by status',
  nextDeadline: 'Next deadline',
  noDeadline: 'No upcoming deadline',
  none: 'none',
  notYet: 'Not written yet.',

  vision: 'Vision',
  visionEmpty: 'No vision written yet: where should this plan lead by its horizon?',
  byHorizon: 'To be reached by {period}',

  selfAssessment: 'Self-assessment',
  selfAssessmentEmpty: 'No self-assessment yet: priorities, strengths, areas to develop and education.',
  priorities: 'Priorities',
  strengths: 'Strengths',
  weaknesses: 'Areas to develop',
  education: 'Education',
  educationCurrent: 'Current',
  educationNeeded: 'Needed',
  educationGap: 'Further education needed',
  educationEnough: 'Sufficient for the goals',

  skills: 'Skills',
  skillsCaption: 'Skills inventory: level now and level needed, on a scale from 0 to 5',
  skillsEmpty: 'No skills recorded yet.',
  skill: 'Skill',
  kind: 'Kind',
  level: 'Level',
  target: 'Target',
  gap: 'Gap',
  noGap: 'Target reached',
  levelOfMax: 'Level {level} of 5, target {target}',
  neededFor: 'Needed for',
  gapLevels: { one: '{n} level to go', other: '{n} levels to go' },
  skillsWithGaps: { one: '{n} skill with a gap', other: '{n} skills with a gap' },

  goals: 'Goals',
  goalsEmpty: 'No goals yet.',
  measure: 'Measure of success',
  start: 'Start',
  due: 'Due',
  status: 'Status',
  achievedOn: 'Achieved on',
  buildsSkills: 'Builds',
  steps: 'Action steps',
  nextStep: 'Next step',
  stepDone: 'Done',
  stepOpen: 'Open',
  stepOverdue: 'Overdue',
  doneOn: 'Done on {date}',
  dueOn: 'Due {period}',
  resources: 'Resources',
  evaluation: 'Evaluation',
  reflection: 'Reflection',
  stepsDone: { one: '{done} of {n} step done', other: '{done} of {n} steps done' },
  goalsCount: { one: '{n} goal', other: '{n} goals' },

  timeline: 'Timeline',
  timelineCaption: 'Each goal from its start to its due date, with its action steps; the line marks {date}.',

  opportunities: 'Opportunities',
  opportunitiesEmpty: 'No opportunities being weighed yet.',
  date: 'Date',
  note: 'Note',
  fit: 'Skill fit',
  fitCaption: 'Skills this opportunity requires: level now and level required',
  fitSummary: { one: '{met} of {n} required skill met', other: '{met} of {n} required skills met' },
  levelNow: 'Now',
  required: 'Required',
  met: 'Met',
  notMet: 'Not met',
  noRequirements: 'No skill requirements recorded.',

  notes: 'Notes',
  notesEmpty: 'No notes yet.',
  history: 'Revision history',
  notCommittedYet: 'Not committed yet',
  shallowHistory: 'This is a shallow clone of the repository: older revisions are not in it.',
  olderRevisions: { one: '{n} older revision is not shown.', other: '{n} older revisions are not shown.' },

  plans: 'Plans',
  plansCaption: 'Every plan, with its progress, next deadline and goals that need attention',
  plansCount: { one: '{n} plan', other: '{n} plans' },
  overdueGoals: 'Overdue',
  atRiskGoals: 'At risk',
  overdueCount: { one: '{n} overdue', other: '{n} overdue' },
  atRiskCount: { one: '{n} at risk', other: '{n} at risk' },
  deadlines: 'Deadlines in the next 90 days',
  deadlinesCaption: 'Open deadlines of goals and action steps in the next 90 days, earliest first',
  deadlinesEmpty: 'No deadlines in the next 90 days.',
  when: 'When',
  goalOrStep: 'Goal or step',
  goalLabel: 'Goal',
  stepOf: 'Step of “{goal}”',
  searchPlans: 'Search plans',
  searchHint: 'Owner, role, plan title, goal or next deadline',
  searchMatches: 'Matches for “{query}”: {count}',
  searchNoMatch: 'No plan matches “{query}”.',
  plansPages: 'Pages of the plans',
  deadlinesPages: 'Pages of the deadlines',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageNumber: 'Page {page}',
  shownRange: '{from}–{to} of {count}',

  today: 'today',
  inDays: { one: 'in {n} day', other: 'in {n} days' },
  daysOverdue: { one: '{n} day overdue', other: '{n} days overdue' },
  monthsOverdue: { one: '{n} month overdue', other: '{n} months overdue' },
  quarter: 'Q{quarter} {year}',

  'status.done': 'Done',
  'status.active': 'On track',
  'status.at-risk': 'At risk',
  'status.overdue': 'Overdue',
  'status.paused': 'Paused',
  'status.dropped': 'Dropped',

  'goalKind.professional': 'Professional',
  'goalKind.personal': 'Personal',

  'skillKind.technical': 'Technical',
  'skillKind.people': 'People',
  'skillKind.domain': 'Domain',
  'skillKind.other': 'Other',

  'opportunity.watching': 'Watching',
  'opportunity.applied': 'Applied',
  'opportunity.interviewing': 'Interviewing',
  'opportunity.offered': 'Offered',
  'opportunity.accepted': 'Accepted',
  'opportunity.declined': 'Declined',
  'opportunity.passed': 'Passed',

  'worth.yes': 'Worth it',
  'worth.partly': 'Partly worth it',
  'worth.no': 'Not worth it',

  'timeline.title': 'Timeline of the goals',
  'timeline.description': 'Each goal as a bar from its start to its due date, coloured by status, with its action steps as marks and a line for today.',
  'timeline.start': 'Start',
  'timeline.due': 'Due',
  'timeline.today': 'Today',
  'timeline.stepDone': 'Step done',
  'timeline.stepOpen': 'Step open',
} as const;

/** A label's key, such as `goals` or `status.at-risk`. */
export type LabelKey = keyof typeof en;

/** A complete set of labels: the same keys as English, plural where English is plural. */
export type Labels = { readonly [K in LabelKey]: (typeof en)[K] extends string ? string : PluralLabel };

const de: Labels = {
  siteName: 'Karrierepläne',
  skipToContent: 'Zum Inhalt springen',
  contents: 'Inhalt',
  allPlans: 'Alle Pläne',
  downloadPdf: 'PDF herunterladen',
  addToCalendar: 'Zum Kalender hinzufügen (.ics)',
  pageOf: 'Seite {page} von {total}',
  careerActionPlan: 'Karriereplan',
  madeWith: 'Erstellt mit {generator}',
  source: 'Quelle: {file}',
  asOf: 'Stand',
  asOfDate: 'Stand: {date}',
  created: 'Erstellt',
  reviewed: 'Überprüft',
  lastRevised: 'Zuletzt geändert',
  horizon: 'Horizont',
  role: 'Position',
  owner: 'Person',
  plan: 'Plan',
  progress: 'Fortschritt',
  overall: 'Fortschritt insgesamt',
  goalStatuses: 'Ziele nach Status',
  nextDeadline: 'Nächster Termin',
  noDeadline: 'Kein anstehender Termin',
  none: 'keine',
  notYet: 'Noch nicht ausgefüllt.',

  vision: 'Vision',
  visionEmpty: 'Noch keine Vision: Wohin soll dieser Plan bis zum Horizont führen?',
  byHorizon: 'Zu erreichen bis {period}',

  selfAssessment: 'Selbsteinschätzung',
  selfAssessmentEmpty: 'Noch keine Selbsteinschätzung: Prioritäten, Stärken, Entwicklungsfelder und Ausbildung.',
  priorities: 'Prioritäten',
  strengths: 'Stärken',
  weaknesses: 'Entwicklungsfelder',
  education: 'Ausbildung',
  educationCurrent: 'Aktuell',
  educationNeeded: 'Benötigt',
  educationGap: 'Weiterbildung nötig',
  educationEnough: 'Reicht für die Ziele',

  skills: 'Kompetenzen',
  skillsCaption: 'Kompetenzprofil: heutiges und benötigtes Niveau auf einer Skala von 0 bis 5',
  skillsEmpty: 'Noch keine Kompetenzen erfasst.',
  skill: 'Kompetenz',
  kind: 'Art',
  level: 'Niveau',
  target: 'Ziel',
  gap: 'Lücke',
  noGap: 'Ziel erreicht',
  levelOfMax: 'Niveau {level} von 5, Ziel {target}',
  neededFor: 'Benötigt für',
  gapLevels: { one: 'noch {n} Stufe', other: 'noch {n} Stufen' },
  skillsWithGaps: { one: '{n} Kompetenz mit Lücke', other: '{n} Kompetenzen mit Lücke' },

  goals: 'Ziele',
  goalsEmpty: 'Noch keine Ziele.',
  measure: 'Erfolgskriterium',
  start: 'Beginn',
  due: 'Fällig',
  status: 'Status',
  achievedOn: 'Erreicht am',
  buildsSkills: 'Stärkt',
  steps: 'Maßnahmen',
  nextStep: 'Nächster Schritt',
  stepDone: 'Erledigt',
  stepOpen: 'Offen',
  stepOverdue: 'Überfällig',
  doneOn: 'Erledigt am {date}',
  dueOn: 'Fällig {period}',
  resources: 'Ressourcen',
  evaluation: 'Bewertung',
  reflection: 'Reflexion',
  stepsDone: { one: '{done} von {n} Schritt erledigt', other: '{done} von {n} Schritten erledigt' },
  goalsCount: { one: '{n} Ziel', other: '{n} Ziele' },

  timeline: 'Zeitplan',
  timelineCaption: 'Jedes Ziel von Beginn bis Fälligkeit, mit seinen Maßnahmen; die Linie markiert den {date}.',

  opportunities: 'Chancen',
  opportunitiesEmpty: 'Noch keine Chancen in Betracht.',
  date: 'Datum',
  note: 'Notiz',
  fit: 'Passung',
  fitCaption: 'Kompetenzen, die diese Chance verlangt: heutiges und verlangtes Niveau',
  fitSummary: { one: '{met} von {n} Anforderung erfüllt', other: '{met} von {n} Anforderungen erfüllt' },
  levelNow: 'Heute',
  required: 'Verlangt',
  met: 'Erfüllt',
  notMet: 'Nicht erfüllt',
  noRequirements: 'Keine Anforderungen erfasst.',

  notes: 'Notizen',
  notesEmpty: 'Noch keine Notizen.',
  history: 'Änderungsverlauf',
  notCommittedYet: 'Noch nicht eingecheckt',
  shallowHistory: 'Dies ist ein flacher Klon des Repositorys: ältere Änderungen sind nicht enthalten.',
  olderRevisions: { one: '{n} ältere Änderung wird nicht gezeigt.', other: '{n} ältere Änderungen werden nicht gezeigt.' },

  plans: 'Pläne',
  plansCaption: 'Alle Pläne mit Fortschritt, nächstem Termin und Zielen, die Aufmerksamkeit brauchen',
  plansCount: { one: '{n} Plan', other: '{n} Pläne' },
  overdueGoals: 'Überfällig',
  atRiskGoals: 'Gefährdet',
  overdueCount: { one: '{n} überfällig', other: '{n} überfällig' },
  atRiskCount: { one: '{n} gefährdet', other: '{n} gefährdet' },
  deadlines: 'Termine der nächsten 90 Tage',
  deadlinesCaption: 'Offene Termine von Zielen und Maßnahmen in den nächsten 90 Tagen, früheste zuerst',
  deadlinesEmpty: 'Keine Termine in den nächsten 90 Tagen.',
  when: 'Wann',
  goalOrStep: 'Ziel oder Maßnahme',
  goalLabel: 'Ziel',
  stepOf: 'Maßnahme zu „{goal}“',
  searchPlans: 'Pläne durchsuchen',
  searchHint: 'Person, Position, Plantitel, Ziel oder nächster Termin',
  searchMatches: 'Treffer für „{query}“: {count}',
  searchNoMatch: 'Kein Plan passt zu „{query}“.',
  plansPages: 'Seiten der Pläne',
  deadlinesPages: 'Seiten der Termine',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  pageNumber: 'Seite {page}',
  shownRange: '{from}–{to} von {count}',

  today: 'heute',
  inDays: { one: 'in {n} Tag', other: 'in {n} Tagen' },
  daysOverdue: { one: '{n} Tag überfällig', other: '{n} Tage überfällig' },
  monthsOverdue: { one: '{n} Monat überfällig', other: '{n} Monate überfällig' },
  quarter: '{quarter}. Quartal {year}',

  'status.done': 'Erreicht',
  'status.active': 'Im Plan',
  'status.at-risk': 'Gefährdet',
  'status.overdue': 'Überfällig',
  'status.paused': 'Pausiert',
  'status.dropped': 'Aufgegeben',

  'goalKind.professional': 'Beruflich',
  'goalKind.personal': 'Persönlich',

  'skillKind.technical': 'Fachlich',
  'skillKind.people': 'Sozial',
  'skillKind.domain': 'Branche',
  'skillKind.other': 'Sonstige',

  'opportunity.watching': 'Im Blick',
  'opportunity.applied': 'Beworben',
  'opportunity.interviewing': 'Im Gespräch',
  'opportunity.offered': 'Angebot erhalten',
  'opportunity.accepted': 'Angenommen',
  'opportunity.declined': 'Abgelehnt',
  'opportunity.passed': 'Verstrichen',

  'worth.yes': 'Hat sich gelohnt',
  'worth.partly': 'Hat sich teilweise gelohnt',
  'worth.no': 'Hat sich nicht gelohnt',

  'timeline.title': 'Zeitplan der Ziele',
  'timeline.description': 'Jedes Ziel als Balken von Beginn bis Fälligkeit, nach Status eingefärbt, mit seinen Maßnahmen als Marken und einer Linie für heute.',
  'timeline.start': 'Beginn',
  'timeline.due': 'Fällig',
  'timeline.today': 'Heute',
  'timeline.stepDone': 'Maßnahme erledigt',
  'timeline.stepOpen': 'Maßnahme offen',
};

/** The label sets by language subtag. */
export const labels = { en, de } satisfies Readonly<Record<string, Labels>>;

/** The language whose labels a page in `lang` shows: its own when there are labels for it, else English. Pure. */
export function labelLanguage(lang: string): keyof typeof labels {
  const language = languageOf(lang);
  return language !== undefined && Object.hasOwn(labels, language) ? (language as keyof typeof labels) : 'en';
}

/** The labels for a page in `lang`. Pure. */
export function labelsFor(lang: string): Labels {
  return labels[labelLanguage(lang)];
}

/** Whether `key` names a label. Pure. */
export function isLabelKey(key: string): key is LabelKey {
  return Object.hasOwn(en, key);
}

/** The timeline's words for a page in `lang`. Pure. */
export function timelineText(lang: string): TimelineText {
  const words = labelsFor(lang);
  return {
    title: words['timeline.title'],
    description: words['timeline.description'],
    today: words['timeline.today'],
    status: {
      done: words['status.done'],
      active: words['status.active'],
      'at-risk': words['status.at-risk'],
      overdue: words['status.overdue'],
      paused: words['status.paused'],
      dropped: words['status.dropped'],
    },
    start: words['timeline.start'],
    due: words['timeline.due'],
    stepDone: words['timeline.stepDone'],
    stepOpen: words['timeline.stepOpen'],
  };
}
