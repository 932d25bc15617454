/**
 * What reaches the terminal: text from plans, file names, git and the
 * tool's own words pass one writer (`terminalText`) that shows every
 * control character visibly, so that no plan can clear the screen, set the
 * window title, write the clipboard (OSC 52) or reorder what a line shows
 * (bidi overrides). careerplan's own colours and progress line are marked
 * with a secret made when the process starts (`ownControl`): the writer
 * turns only those marks back into escape codes. Pure, apart from the
 * secret's random bytes.
 */
import { randomBytes } from 'node:crypto';

/**
 * The characters shown as escapes: C0 controls but tab and line feed (a
 * carriage return could overwrite what a line says), DEL, C1 controls (the
 * one-byte CSI and OSC among them), and the characters that reorder or hide
 * text: bidi marks, embeddings, overrides and isolates, and the Unicode line
 * and paragraph separators.
 */
const shownAsEscapes = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every control character shown as a `\uXXXX` escape: the form
 * `--format json` shows the same text in, which a coach can read out and
 * look up, and which keeps JSON printed to the terminal valid JSON with the
 * same values. Pure.
 */
export function visible(text: string): string {
  return text.replace(shownAsEscapes, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text meant as one line (a file name, a message, a commit subject), with
 * its line breaks shown as escapes too: a plan value or file name holding a
 * line feed could otherwise start a line of its own, posing as another
 * message or as a CI runner's command (`::error …`). Pure.
 */
export function oneLine(text: string): string {
  return visible(text).replace(/\n/g, '\\u000a');
}

// A private-use character and 16 random hex digits: text read from a plan cannot hold the mark of this process's own codes.
const mark = `\ue000${randomBytes(8).toString('hex')}`;
const marked = new RegExp(`${mark}([0-9a-f]{2})`, 'g');

/** careerplan's own control sequence (a colour, the progress line's erase), marked so that `terminalText` keeps it. Pure. */
export function ownControl(sequence: string): string {
  return sequence.replace(shownAsEscapes, (character) => `${mark}${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Text as written to the terminal: every control character visible (see `visible`), but careerplan's own sequences (see `ownControl`) kept. Pure. */
export function terminalText(text: string): string {
  return visible(text).replace(marked, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
}
