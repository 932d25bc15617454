/**
 * What a change in a plan is, in German, for the revision history of a
 * German plan's page: the same facts `describeChange` words in English
 * (the terminal's `careerplan history` stays English). Pure.
 */
import { labelsFor } from '../theme/labels.js';
import type { Change, PlanField, PlanList } from './plan-changes.js';

const fieldNames: Record<PlanField, string> = {
  title: 'Titel',
  owner: 'Name',
  role: 'Rolle',
  vision: 'Vision',
  horizon: 'Horizont',
  created: 'Erstellt',
  reviewed: 'Überprüft',
  lang: 'Sprache',
};

const listItems: Record<PlanList, string> = { priorities: 'Priorität', strengths: 'Stärke', weaknesses: 'Entwicklungsfeld' };

const educationParts = { current: 'aktuell', needed: 'benötigt', note: 'Notiz' } as const;

const words = labelsFor('de');

/** A status or worth in the words of the German page (`status.paused` → „Pausiert“); the raw value for one it does not know. */
function label(key: string, value: string): string {
  return (words as Record<string, unknown>)[key] as string | undefined ?? value;
}

function quote(text: string | undefined): string {
  return text === undefined ? 'keine Angabe' : `„${text}“`;
}

function move(from: string | undefined, to: string | undefined): string {
  return `${from ?? 'keine Angabe'} → ${to ?? 'keine Angabe'}`;
}

function goal(ref: { readonly goal: string; readonly goalTitle: string }): string {
  return `${ref.goalTitle} (\`${ref.goal}\`)`;
}

function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

/** The change in German. */
export function changeTextDe(change: Change): string {
  switch (change.kind) {
    case 'plan-created':
      return `Plan angelegt mit ${plural(change.goals, 'Ziel', 'Zielen')} und ${plural(change.skills, 'Fähigkeit', 'Fähigkeiten')}`;
    case 'field-changed':
      if (change.to === undefined) return `${fieldNames[change.field]} entfernt (war ${quote(change.from)})`;
      if (change.from === undefined) return `${fieldNames[change.field]} gesetzt: ${quote(change.to)}`;
      return `${fieldNames[change.field]} geändert: ${quote(change.from)} → ${quote(change.to)}`;
    case 'list-item-added':
      return `${listItems[change.list]} hinzugefügt: ${change.item}`;
    case 'list-item-removed':
      return `${listItems[change.list]} entfernt: ${change.item}`;
    case 'education-changed':
      return `Ausbildung (${educationParts[change.part]}): ${move(change.from, change.to)}`;
    case 'notes-changed':
      return 'Notizen bearbeitet';
    case 'goal-added':
      return `Ziel hinzugefügt: ${goal(change)}`;
    case 'goal-removed':
      return `Ziel entfernt: ${goal(change)}`;
    case 'goal-renamed':
      return `Ziel \`${change.goal}\` umbenannt: ${quote(change.from)} → ${quote(change.to)}`;
    case 'due-moved':
      return `Fälligkeit verschoben: ${goal(change)} ${move(change.from, change.to)}`;
    case 'start-moved':
      return `Beginn verschoben: ${goal(change)} ${move(change.from, change.to)}`;
    case 'measure-changed':
      return `Erfolgsmaßstab umformuliert: ${goal(change)}: ${quote(change.from)} → ${quote(change.to)}`;
    case 'status-changed':
      return `Status geändert: ${goal(change)} ${label(`status.${change.from}`, change.from)} → ${label(`status.${change.to}`, change.to)}`;
    case 'goal-done':
      return `Ziel erreicht${change.on ? ` am ${change.on}` : ''}: ${goal(change)}`;
    case 'goal-reopened':
      return `Ziel wieder geöffnet: ${goal(change)}`;
    case 'goal-skills-changed':
      return `Fähigkeiten von ${goal(change)}: ${[...change.added.map((id) => `+${id}`), ...change.removed.map((id) => `-${id}`)].join(', ')}`;
    case 'step-added':
      return `Schritt hinzugefügt zu ${goal(change)}: ${change.step}`;
    case 'step-removed':
      return `Schritt entfernt aus ${goal(change)}: ${change.step}`;
    case 'step-renamed':
      return `Schritt umformuliert in ${goal(change)}: ${quote(change.from)} → ${quote(change.to)}`;
    case 'step-done':
      return `Schritt erledigt${change.on ? ` am ${change.on}` : ''}: ${change.step} (${goal(change)})`;
    case 'step-reopened':
      return `Schritt wieder geöffnet: ${change.step} (${goal(change)})`;
    case 'step-due-moved':
      return `Fälligkeit des Schritts verschoben: ${change.step} ${move(change.from, change.to)}`;
    case 'step-evaluated': {
      const worth = (value: string | undefined): string => (value === undefined ? 'keine Angabe' : label(`worth.${value}`, value));
      if (change.from === undefined) return `Schritt bewertet: ${change.step}: ${worth(change.to)}`;
      return `Bewertung geändert: ${change.step}: ${worth(change.from)} → ${worth(change.to)}`;
    }
    case 'skill-added':
      return `Fähigkeit hinzugefügt: ${change.name} (\`${change.skill}\`), Stufe ${change.level} von ${change.target}`;
    case 'skill-removed':
      return `Fähigkeit entfernt: ${change.name} (\`${change.skill}\`)`;
    case 'skill-renamed':
      return `Fähigkeit \`${change.skill}\` umbenannt: ${quote(change.from)} → ${quote(change.to)}`;
    case 'skill-level-changed':
      return `Stufe ${change.to > change.from ? 'erhöht' : 'gesenkt'}: ${change.name} ${change.from} → ${change.to}`;
    case 'skill-target-changed':
      return `Zielstufe geändert: ${change.name} ${change.from} → ${change.to}`;
    case 'opportunity-added':
      return `Chance hinzugefügt: ${change.title} (${label(`opportunity.${change.status}`, change.status)})`;
    case 'opportunity-removed':
      return `Chance entfernt: ${change.title}`;
    case 'opportunity-renamed':
      return `Chance umbenannt: ${quote(change.from)} → ${quote(change.to)}`;
    case 'opportunity-status-changed':
      return `Chance ${change.title}: ${label(`opportunity.${change.from}`, change.from)} → ${label(`opportunity.${change.to}`, change.to)}`;
    case 'opportunity-date-moved':
      return `Chance ${change.title} verschoben: ${move(change.from, change.to)}`;
  }
}
