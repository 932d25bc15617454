/** Plans for the theme tests, as of 2026-11-26: one goal in every status. */

/** A plan with every part of the format and a goal in each status. */
export const everyCase = `---
title: Plan for every case
owner: Alex Example
role: Analyst, Example Ltd
created: 2026-01-10
reviewed: 2026-11-01
horizon: 2030
vision: Lead a small team
priorities: [Lead a team, Keep learning]
strengths: [Careful with data]
weaknesses: [Shy in large meetings]
skills:
  - { name: SQL, id: sql, kind: technical, level: 2, target: 4, note: Practise weekly }
  - { name: Speaking, id: speaking, kind: people, level: 3, target: 3 }
education: { current: BSc, needed: MSc, note: Part time }
goals:
  - title: Promotion
    id: promotion
    measure: Confirmed by HR
    start: 2026-06
    due: 2027-06
    skills: [sql, speaking]
    steps:
      - { title: Course, due: 2026-10, done: 2026-10-20, worth: yes, reflection: Worth the time }
      - { title: Talk, due: 2027-03, resources: [Time off, A mentor] }
      - { title: Ask manager, due: 2026-12-01 }
  - { title: Soon, id: soon, measure: Finished, due: 2026-12-15, steps: [Open step] }
  - { title: Late, id: late, measure: Finished, due: 2026-Q3, steps: [{ title: Missed step, due: 2026-08 }] }
  - { title: Achieved, id: achieved, measure: Finished, due: 2026-10, done: 2026-10-01, steps: [{ title: Paired, done: true, worth: partly }] }
  - { title: Resting, id: resting, measure: Finished, due: 2027-01, status: paused, steps: [Wait] }
  - { title: Gone, id: gone, measure: Finished, due: 2027-01, status: dropped, steps: [{ title: Never, done: 2026-05-01, worth: no }] }
opportunities:
  - { title: Lead role, date: 2027-05, status: interviewing, requires: { sql: 4, speaking: 3 }, note: Opens in spring }
  - { title: Other firm, status: declined }
---
Body.
`;

/** The same plan in German, with German data, so any English word on its page comes from the theme. */
export const jedenFall = `---
title: Plan für jeden Fall
owner: Alex Beispiel
role: Analystin, Beispiel GmbH
lang: de
created: 2026-01-10
reviewed: 2026-11-01
horizon: 2030-Q2
vision: Ein kleines Team leiten
priorities: [Ein Team leiten, Weiter lernen]
strengths: [Sorgfältig mit Daten]
weaknesses: [Schüchtern in großen Runden]
skills:
  - { name: Datenbanken, id: db, kind: technical, level: 2, target: 4, note: Jede Woche üben }
  - { name: Reden halten, id: reden, kind: people, level: 3, target: 3 }
  - { name: Logistik, id: logistik, kind: domain, level: 1, target: 2 }
  - { name: Anleiten, id: anleiten, kind: other, level: 0, target: 1 }
education: { current: Bachelor, needed: Master, note: Berufsbegleitend }
goals:
  - title: Beförderung
    id: befoerderung
    kind: personal
    measure: Schriftlich bestätigt
    start: 2026-06
    due: 2027-06
    skills: [db, reden]
    steps:
      - { title: Kurs, due: 2026-10, done: 2026-10-20, worth: yes, reflection: Hat viel gebracht }
      - { title: Vortrag, due: 2027-03, resources: [Freistellung, Mentorin] }
      - { title: Chefin fragen, due: 2026-12-01 }
      - { title: Heute fällig, due: 2026-11-26 }
  - { title: Bald, id: bald, measure: Erledigt, due: 2026-12-15, steps: [Offener Schritt] }
  - { title: Spät, id: spaet, measure: Erledigt, due: 2026-Q3, steps: [{ title: Verpasster Schritt, due: 2026-08 }] }
  - { title: Sehr spät, id: sehr-spaet, measure: Erledigt, due: 2025-12, steps: [{ title: Lange her, due: 2025-12 }] }
  - { title: Erreicht, id: erreicht, measure: Erledigt, due: 2026-10, done: 2026-10-01, steps: [{ title: Gemacht, done: true, worth: partly }] }
  - { title: Ruhend, id: ruhend, measure: Erledigt, due: 2027-01, status: paused, steps: [Warten] }
  - { title: Verworfen, id: verworfen, measure: Erledigt, due: 2027-01, status: dropped, steps: [{ title: Nie, done: 2026-05-01, worth: no }] }
  - { title: Morgen, id: morgen, measure: Erledigt, due: 2026-11-27, steps: [Eins] }
opportunities:
  - { title: Leitung, date: 2027-05, status: watching, requires: { db: 4, reden: 3 }, note: Im Frühjahr }
  - { title: Bewerbung, date: 2027-01-15, status: applied }
  - { title: Gespräch, date: 2027-01, status: interviewing, requires: { reden: 2 } }
  - { title: Angebot, status: offered }
  - { title: Zusage, status: accepted }
  - { title: Absage, status: declined }
  - { title: Vorbei, status: passed }
---
Text.
`;
