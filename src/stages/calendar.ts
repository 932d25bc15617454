/**
 * The calendar stage: a plan's model becomes an iCalendar file (RFC 5545)
 * with an all-day event on each goal's and each step's due date, so a
 * calendar that subscribes to `<slug>.ics` shows the plan's deadlines and
 * updates them on the next build instead of duplicating them. Pure: the
 * same model gives the same bytes (no clock, no time zone).
 *
 * Every item is a VEVENT, done ones too: Google Calendar, Outlook and the
 * iOS and macOS Calendar apps ignore VTODO in a subscribed or imported
 * file, so a done goal as a VTODO would vanish rather than show as done.
 * A done item keeps its date with `✓ ` before its title and
 * `X-CAREERPLAN-DONE`; a dropped goal is `STATUS:CANCELLED`, a paused one
 * `STATUS:TENTATIVE`.
 */
import { addDays, type IsoDate } from '../format/dates.js';
import type { GoalModel, PlanModel, StepModel } from './model.js';

/** The longest content line in octets, without its CRLF (RFC 5545, 3.1). */
export const maxLineOctets = 75;

/** The domain part of every UID, so careerplan's events never collide with another tool's. */
const uidDomain = 'careerplan';

/** The marker before the title of a done goal or step. */
export const doneMark = '✓ ';

/** The name of a plan's calendar file in its folder: `<slug>.ics`. Pure. */
export function calendarName(slug: string): string {
  return `${slug}.ics`;
}

/** The calendar's words, in the plan's language; the theme gives them. */
export interface CalendarText {
  /** Introduces a goal's measure of success in its event's description. */
  readonly measure: string;
  /** Introduces a step's resources in its event's description. */
  readonly resources: string;
}

/** The calendar of a plan's due dates as iCalendar text, CRLF line ends, folded. `generator` is `careerplan <version>`. Pure. */
export function planCalendar(model: PlanModel, generator: string, words: CalendarText): string {
  const name = `${model.owner} — ${model.title}`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//careerplan//${escapeText(generator)}//EN`,
    'CALSCALE:GREGORIAN',
    // With METHOD, DTSTAMP is when this file was made: the as-of date of the build, never the clock.
    'METHOD:PUBLISH',
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:P1D',
    'X-PUBLISHED-TTL:P1D',
  ];
  const stamp = `${compact(model.asOf)}T000000Z`;
  for (const [goalIndex, goal] of model.goals.entries()) {
    const goalUid = `${model.slug}.${goal.id || `goal-${goalIndex + 1}`}@${uidDomain}`;
    lines.push(
      ...event({
        uid: goalUid,
        stamp,
        day: goal.due.last,
        summary: goal.title,
        description: `${words.measure}: ${goal.measure}`,
        status: goalEventStatus(goal),
        done: goal.status === 'done' ? (goal.doneOn ?? true) : undefined,
      }),
    );
    for (const step of goal.steps) {
      if (step.due === undefined) continue;
      lines.push(
        ...event({
          uid: stepUid(goalUid, step),
          stamp,
          day: step.due.last,
          summary: step.title,
          description: step.resources.length > 0 ? `${words.resources}: ${step.resources.join(', ')}` : undefined,
          status: goalEventStatus(goal),
          done: step.done ? (step.doneOn ?? true) : undefined,
          relatedTo: goalUid,
        }),
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A step's UID: its goal's, with `.step-<n>` counted from 1 before the `@`. */
function stepUid(goalUid: string, step: StepModel): string {
  const at = goalUid.lastIndexOf('@');
  return `${goalUid.slice(0, at)}.step-${step.index + 1}${goalUid.slice(at)}`;
}

type EventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

/** The status a goal's events carry: its steps share it, since a dropped goal drops its steps. */
function goalEventStatus(goal: GoalModel): EventStatus {
  if (goal.status === 'dropped') return 'CANCELLED';
  if (goal.status === 'paused') return 'TENTATIVE';
  return 'CONFIRMED';
}

interface EventFacts {
  readonly uid: string;
  readonly stamp: string;
  readonly day: IsoDate;
  readonly summary: string;
  readonly description: string | undefined;
  readonly status: EventStatus;
  /** The date it was done, `true` when done without a date, `undefined` when open. */
  readonly done: IsoDate | true | undefined;
  readonly relatedTo?: string;
}

function event(facts: EventFacts): string[] {
  const { done } = facts;
  const end = addDays(facts.day, 1);
  // iCalendar's dates have four-digit years: a date past them (which `check` refuses as a `bad-date`) makes no event rather than a broken one.
  if (![facts.day, end, ...(typeof done === 'string' ? [done] : [])].every(isFourDigitDate)) return [];
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(facts.uid)}`,
    `DTSTAMP:${facts.stamp}`,
    `DTSTART;VALUE=DATE:${compact(facts.day)}`,
    `DTEND;VALUE=DATE:${compact(end)}`,
    `SUMMARY:${escapeText(done === undefined ? facts.summary : `${doneMark}${facts.summary}`)}`,
    ...(facts.description === undefined ? [] : [`DESCRIPTION:${escapeText(facts.description)}`]),
    `STATUS:${facts.status}`,
    // A deadline is not a meeting: it leaves the day free in free/busy views.
    'TRANSP:TRANSPARENT',
    ...(facts.relatedTo === undefined ? [] : [`RELATED-TO:${escapeText(facts.relatedTo)}`]),
    ...(done === undefined ? [] : [`X-CAREERPLAN-DONE:${done === true ? 'TRUE' : done}`]),
    'END:VEVENT',
  ];
}

/** Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks; other control characters, which TEXT may not hold, are dropped. Pure. */
export function escapeText(value: string): string {
  return wellFormed(value)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`));
}

/** Folds a content line into lines of at most 75 octets, each continuation starting with a space; never inside a UTF-8 sequence. Pure. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= maxLineOctets) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The space that starts a continuation line counts towards its 75 octets.
  let limit = maxLineOctets;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = maxLineOctets - 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Lone surrogates (which UTF-8 cannot encode) become U+FFFD, as a UTF-8 encoder would write them. */
function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Whether a date is `YYYY-MM-DD` with a four-digit year, as iCalendar writes dates. */
function isFourDigitDate(date: IsoDate): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date);
}

/** `2027-06-30` as `20270630`. */
function compact(date: IsoDate): string {
  return date.replaceAll('-', '');
}
