/**
 * How full each page of a printed plan is, read with poppler's `pdftotext -bbox` (independent of Chromium), and
 * plans of several shapes to print: the measuring proof of issue 20 ("plans that fit on few, full pages").
 */
import { execFileSync } from 'node:child_process';

/** One page's measure: how far down its content reaches, as a fraction of the height between the margins. */
export interface PageFill {
  readonly fill: number;
  /** The words of the page's content (the running header and footer left out). */
  readonly words: number;
}

/** The points in a millimetre. */
export const pointsPerMm = 72 / 25.4;

/** One word's box on a page, in points from the page's top-left corner, and its text. */
export interface WordBox {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

/** A printed page: its size in points and the words poppler reads on it, in reading order. */
export interface PrintedPage {
  readonly width: number;
  readonly height: number;
  readonly words: readonly WordBox[];
}

/** The words of each page of a PDF with their boxes, as poppler's `pdftotext -bbox` reads them (not Chromium). Runs pdftotext. */
export function printedPages(pdfFile: string): PrintedPage[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, width, height, body]) => ({
    width: Number(width),
    height: Number(height),
    words: [...(body ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      ([, xMin, yMin, xMax, yMax, text]): WordBox => ({ xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), yMax: Number(yMax), text: unescape(text ?? '') }),
    ),
  }));
}

/**
 * Each page's fill: the lowest word between the top and bottom margins (where the running header and footer are
 * not), as a fraction of the height between them. `marginMm` is the PDF's margin (18 mm by default). Runs pdftotext.
 */
export function pageFills(pdfFile: string, marginMm = 18): PageFill[] {
  const margin = marginMm * pointsPerMm;
  return printedPages(pdfFile).map((page) => {
    const pageHeight = page.height;
    const words = page.words.filter((word) => word.yMin >= margin - 1 && word.yMax <= pageHeight - margin + 1);
    const lowest = Math.max(margin, ...words.map((word) => word.yMax));
    return { fill: (lowest - margin) / (pageHeight - 2 * margin), words: words.length };
  });
}

/** A plan's fills as a table row: `shape paper pages: 0.93 0.88 0.41`. */
export function fillRow(shape: string, paper: string, fills: readonly PageFill[]): string {
  return `${shape.padEnd(14)} ${paper.padEnd(7)} ${String(fills.length).padStart(2)} pages: ${fills.map((page) => page.fill.toFixed(2)).join(' ')}`;
}

/** The smallest plan issue 20 names: a title, an owner, one goal with two steps. */
export const minimalShape = `---
title: My first plan
owner: Alex Morgan
goals:
  - title: Find a summer internship
    measure: An internship offer in hand
    due: 2027-06
    steps:
      - Write a CV with the careers service
      - Apply to five companies
---
`;

/** One goal of `goals` steps, in English, with resources and due dates on some steps. */
function englishGoal(number: number, steps: number): string {
  const stepLines = Array.from({ length: steps }, (_, index) =>
    index % 3 === 0
      ? `      - title: Step ${index + 1} of goal ${number} — talk to the team lead about the next piece of work and write down what was agreed\n        due: 2027-0${(index % 9) + 1}\n        resources: [One hour a week, A mentor from the department]`
      : `      - Step ${index + 1} of goal ${number} — read the chapter on planning and try its exercise at work`,
  );
  return `  - title: Goal ${number} — grow into a team lead role at the company
    kind: professional
    measure: The manager confirms in writing that I lead the team's weekly planning
    start: 2026-11
    due: 2028-0${number}
    steps:
${stepLines.join('\n')}`;
}

/** Three goals with many steps each, and a vision and self-assessment: a realistic plan. */
export const threeGoalsShape = `---
title: Career Action Plan 2027–2030
owner: Jordan Lee
role: Data Analyst
lang: en
horizon: 2030
vision: Lead a small analytics team that the operations managers trust, and speak comfortably in front of large groups.
priorities: [Move into people leadership, Keep learning the technical side]
strengths: [Careful with data quality, Patient when explaining numbers]
weaknesses: [Shy in large meetings]
goals:
${[englishGoal(1, 9), englishGoal(2, 12), englishGoal(3, 8)].join('\n')}
---

## Why this plan

I have coordinated analyses for three years. What is missing is leading people.
`;

/** One German goal with `steps` steps and long compound words. */
function germanGoal(number: number, steps: number): string {
  const stepLines = Array.from({ length: steps }, (_, index) =>
    index % 2 === 0
      ? `      - title: Schritt ${index + 1} – Weiterbildungsvereinbarung mit der Personalabteilung und der Geschäftsführung abstimmen\n        due: 2027-0${(index % 9) + 1}\n        resources: [Freistellung für die Qualitätsmanagementbeauftragtenschulung, Fortbildungskostenübernahme]`
      : `      - Schritt ${index + 1} – Projektdokumentation der Inbetriebnahme der Förderanlage vervollständigen`,
  );
  return `  - title: Ziel ${number} – Verantwortung für die Qualitätssicherung übernehmen
    kind: professional
    measure: Ernennung zur Qualitätsmanagementbeauftragten für das Werk
    start: 2026-11
    due: 2028-0${number}
    steps:
${stepLines.join('\n')}`;
}

/** A long German plan: four goals, a vision, a self-assessment, notes with a table. */
export const germanShape = `---
title: Karriereplan 2027–2030
owner: Lena Schmidt
role: Projektkoordinatorin
lang: de
horizon: 2030
vision: >
  Als Projektleiterin verantworte ich internationale Anlagenprojekte von der Angebotsphase bis zur
  Übergabe – mit einem Team, das gern mit mir arbeitet.
priorities: [Bis 2028 die erste eigene Projektleitung übernehmen, Verhandlungssicher auf Englisch werden]
strengths: [Behalte auch bei großen Projekten den Überblick]
weaknesses: [Scheue Konflikte mit Lieferanten]
goals:
${[germanGoal(1, 8), germanGoal(2, 6), germanGoal(3, 10), germanGoal(4, 5)].join('\n')}
---

## Warum dieser Plan

Seit drei Jahren koordiniere ich Projekte, die andere leiten. Was fehlt, ist die Erfahrung in Verhandlungen.

| Jahr | Schwerpunkt |
|------|-------------|
| 2027 | Teilprojekt leiten, IPMA-Zertifizierung |
| 2028 | Eigene Projektleitung, Englisch B2 |
`;

/** A plan whose skills table has 20 rows. */
export const skillsTableShape = `---
title: Skills inventory
owner: Sam Okafor
lang: en
vision: Move from support into product management within three years.
skills:
${Array.from({ length: 20 }, (_, index) => `  - name: Skill number ${index + 1} of the inventory\n    id: s${index + 1}\n    kind: ${['technical', 'people', 'domain', 'other'][index % 4]}\n    level: ${index % 4}\n    target: ${(index % 4) + 1}`).join('\n')}
goals:
  - title: Become a product manager
    kind: professional
    measure: A product manager title
    due: 2029
    skills: [s1, s2, s3]
    steps:
      - Shadow a product manager for a month
      - Write a product brief for a small feature
---
`;
