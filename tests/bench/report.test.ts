import { describe, expect, it } from 'vitest';
import { columns, describeTarget, judge, loadWarning, renderReport, renderTable, tableRows, type BenchResults, type Row, type Runs } from '../../bench/report.js';

const runs = (wallMs: number[], peakRssMb: number[] = [], cpuSeconds: number[] = []): Runs => ({ wallMs, peakRssMb, cpuSeconds });

/** A run of every section at the default sizes, with made-up figures. */
function results(overrides: Partial<BenchResults> = {}): BenchResults {
  return {
    date: '2026-11-26T12:00:00.000Z',
    commit: 'abc1234',
    command: 'npm run bench',
    machine: { cpu: 'Test CPU', cores: 2, memoryGb: 24, os: 'Debian 12, Linux 6 x64', node: 'v20.20.2', browser: 'Chromium 156' },
    load: { before: 0.1, during: [1, 1.2], after: 1 },
    benchSeconds: 480,
    options: {
      plans: 1000,
      scale: [100, 1000, 4000],
      runs: 3,
      seed: 1,
      asOf: '2026-11-26',
      sections: ['check', 'build', 'unified', 'scale', 'pdf', 'warm', 'stages', 'watch'],
      peers: true,
      pdfPlans: 100,
      sample: 200,
    },
    corpus: { plans: 1000, totalMb: 8.7, planKb: 8.9, frontmatterKb: 5.6, generateSeconds: 0.5 },
    startup: runs([80, 90, 85], [44, 44, 44], [0.08, 0.08, 0.08]),
    cases: {
      build: { command: 'careerplan build', cold: runs([4000, 4200, 3900], [200, 210, 205], [5, 5, 5]), unchanged: runs([900, 950, 1000]), counts: { pages: 1000 } },
    },
    unified: { ...runs([16_000, 16_500, 15_800], [130, 131, 129]), innerMs: [15_500, 16_000, 15_300] },
    scale: {
      100: runs([500, 520, 510], [120, 121, 122]),
      1000: runs([4000, 4200, 3900], [200, 210, 205]),
      4000: runs([15_500, 15_800, 15_600], [290, 295, 292]),
    },
    peers: { versions: { '@11ty/eleventy': '3.1.8', 'md-to-pdf': '5.2.5' }, installSeconds: 20 },
    eleventy: { 1000: runs([3400, 3500, 3300], [250, 250, 250], [4, 4.2, 3.9]) },
    mdToPdf: { plans: 100, batch: 20, wallMs: [29_000] },
    warm: { plans: 1000, setupSeconds: 150, runs: [{ wallMs: 300 }, { wallMs: 320 }, { wallMs: 310 }] },
    watch: {
      plans: 1000,
      edits: 50,
      startMs: 20_000,
      firstPageMs: [1200, 1100, 1500],
      pageReload: { median: 88, mean: 90, p95: 120, min: 60, max: 150, samples: 50 },
      indexReload: { median: 95, mean: 97, p95: 130, min: 70, max: 160, samples: 50 },
    },
    failures: [],
    ...overrides,
  };
}

const find = (rows: readonly Row[], figure: string, reference = ''): Row => {
  const row = rows.find((candidate) => candidate.figure.startsWith(figure) && candidate.reference.startsWith(reference));
  if (!row) throw new Error(`no row ${figure} / ${reference}: ${rows.map((r) => `${r.figure} / ${r.reference}`).join('\n')}`);
  return row;
};

describe('the bench report', () => {
  it('judges a ratio against a target, with its stretch', () => {
    expect(judge(1.2, { op: '<=', limit: 1.25, stretch: 1 })).toBe('yes');
    expect(judge(0.9, { op: '<=', limit: 1.25, stretch: 1 })).toBe('yes, stretch too');
    expect(judge(1.3, { op: '<=', limit: 1.25, stretch: 1 })).toBe('no');
    expect(judge(1, { op: '<', limit: 1 })).toBe('no');
    expect(judge(0.8, { op: '>=', limit: 0.8 })).toBe('yes');
    expect(judge(Number.NaN, { op: '>=', limit: 0.8 })).toBe('no');
    expect(describeTarget({ op: '<=', limit: 1.25, stretch: 1 })).toBe('≤ 1.25× (stretch ≤ 1×)');
  });

  it('puts every target of the issue first, each with its reference from the same run, ratio and verdict', () => {
    const rows = tableRows(results());
    const targets = rows.filter((row) => row.group === 'the issue’s targets');
    expect(targets.map((row) => row.figure)).toEqual([
      'cold build, 1,000 plans → HTML',
      'cold build, 1,000 plans → HTML',
      'warm build, 1,000 plans → HTML + PDF, nothing changed',
      'PDF throughput, C=1 (100 plans, print phase)',
      'PDF throughput, C=2 (100 plans, print phase)',
      'PDF throughput, C=4 (100 plans, print phase)',
      'build of one plan with its PDF, fresh folder (no out folder, no cache)',
      'peak RSS, cold build of 4,000 plans → HTML (careerplan’s process)',
      'watch: save → reload of the page, 1,000 plans',
      'watch, fresh copy of 1,000 plans (no out/, no cache): start → a plan’s page served',
      'check of one plan (a project with a config file)',
      '  the same in CPU time (user + system)',
      'time growth, cold build, 100 → 1,000 → 4,000 plans: cost of a further plan',
      'memory growth, cold build, 100 → 1,000 → 4,000 plans: peak RSS per further 1,000 plans',
    ]);
    const eleventy = find(rows, 'cold build, 1,000 plans', 'Eleventy');
    expect(eleventy).toMatchObject({ n: '3', median: '4.00 s', range: '3.90–4.20 s', reference: 'Eleventy 3.1.8 cold build: 3.40 s', ratio: '1.18×', met: 'yes' });
    expect(find(rows, 'cold build, 1,000 plans', 'straightforward')).toMatchObject({ ratio: '0.25×', target: '≤ 0.3×', met: 'yes' });
    expect(find(rows, 'warm build')).toMatchObject({ median: '0.31 s', reference: '⅒ of Eleventy 3.1.8 cold build: 0.34 s', ratio: '0.91×', met: 'yes' });
    expect(find(rows, 'peak RSS, cold build of 4,000')).toMatchObject({ median: '292 MB', ratio: '0.97×', met: 'yes' });
    expect(find(rows, 'watch: save → reload')).toMatchObject({ n: '50', median: '88.0 ms', range: '60.0–150 ms', met: 'yes' });
    expect(find(rows, 'watch, fresh copy')).toMatchObject({ n: '3', median: '1.20 s', reference: 'Eleventy 3.1.8 cold build: 3.40 s', ratio: '0.35×', target: '≤ 0.5×', met: 'yes' });
    // Without the pdf section the throughput rows stay, unmeasured.
    expect(find(rows, 'PDF throughput, C=2')).toMatchObject({ median: '–', met: 'not measured' });
    expect(find(rows, 'build of one plan with its PDF')).toMatchObject({ median: '– (one-pdf not run)', met: 'not measured (one-pdf not run)', target: '≤ 1.25×' });
    // Issue 21 retired the cold build's 1.25× against Eleventy: it must not regress past 2.5×.
    expect(eleventy).toMatchObject({ target: '≤ 2.5×' });
  });

  it('sets one plan with its PDF against the bare script, and the cold build with every PDF against Eleventy plus the bare script, run by run', () => {
    const rows = tableRows({
      ...results(),
      onePdf: { slug: 'a', careerplanMs: [1200, 1300, 1250], bareMs: [1000, 1100, 1050] },
      coldPdf: { plans: 1000, concurrency: 2, careerplanMs: [100_000], eleventyMs: [4000], bareMs: [76_000] },
    });
    expect(find(rows, 'build of one plan with its PDF')).toMatchObject({ n: '3', median: '1.25 s', ratio: '1.19×', target: '≤ 1.25×', met: 'yes' });
    expect(find(rows, 'cold build, 1,000 plans → HTML + every PDF, C=2')).toMatchObject({ median: '100.0 s', ratio: '1.25×', group: 'the issue’s targets' });
    expect(find(rows, 'cold build, 1,000 plans → HTML + every PDF, C=2').reference).toContain('Eleventy 3.1.8 cold build + bare Puppeteer script');
    expect(find(rows, "bare Puppeteer script printing Eleventy's 1,000 pages, C=2")).toMatchObject({ median: '76.00 s' });
  });

  it('shows growth as the cost of a further plan, with a verdict', () => {
    const rows = tableRows(results());
    const time = find(rows, 'time growth');
    // (4,000 − 510) ÷ 900 and (15,600 − 4,000) ÷ 3,000 ms a plan.
    expect(time.median).toBe('3.88 → 3.87 ms/plan');
    expect(time.met).toBe('yes: linear (±0%)');
    // 121 → 205 → 292 MB: 93, then 29 MB per further 1,000 plans.
    expect(find(rows, 'memory growth')).toMatchObject({ median: '93 → 29 MB', met: 'yes: sublinear (±53%)' });
    expect(find(rows, 'careerplan, 100 plans: time per plan')).toMatchObject({ median: '5.10 ms/plan' });
    expect(find(rows, 'careerplan, 4,000 plans: peak RSS')).toMatchObject({ median: '292 MB' });
  });

  it('shows what each fast reader earns on check and the cold build, and what CR LF costs, in wall and CPU time', () => {
    const variant = (check: number, build: number) => ({ check: runs([check * 1000], [], [check]), build: runs([build * 1000], [], [build]) });
    const fastReaders = {
      plans: 300,
      variants: { 'all on': variant(1.5, 4.5), 'without markdown-body': variant(5, 9), 'without yaml-subset': variant(1.6, 4.8), 'all off': variant(6.5, 11), 'CRLF, all on': variant(1.6, 4.6) },
    };
    const rows = tableRows(results({ fastReaders })).filter((row) => row.group.startsWith('fast readers'));
    // Per command and measure: one row per reader, one against every reader off, one for CR LF.
    expect(rows).toHaveLength(2 * 2 * 4);
    expect(find(rows, 'check, CPU time: every reader on', 'markdown-body off')).toMatchObject({ median: '1.50 s', ratio: '0.30×', target: '≤ 0.9×', met: 'yes' });
    expect(find(rows, 'check, CPU time: every reader on', 'yaml-subset off')).toMatchObject({ ratio: '0.94×', met: 'no' });
    expect(find(rows, 'cold build, wall time: every reader on', 'every reader off')).toMatchObject({ target: '–', met: '–' });
    expect(find(rows, 'cold build, CPU time: the plans saved with CR LF')).toMatchObject({ reference: 'the same plans with LF: 4.50 s', target: '≤ 1.3×', met: 'yes' });
  });

  it('judges check of one plan against node -e 0 of the same run, in wall time; shows CPU time without a target', () => {
    const onePlan = { check: runs([300, 320, 310], [90, 90, 90], [0.24, 0.25, 0.23]), node: runs([80, 70, 90], [40, 40, 40], [0.07, 0.08, 0.08]) };
    const rows = tableRows(results({ onePlan }));
    expect(find(rows, 'check of one plan')).toMatchObject({ median: '310 ms', reference: 'node -e 0: 80.0 ms', ratio: '3.88×', target: '≤ 4×', met: 'yes' });
    expect(find(rows, '  the same in CPU time')).toMatchObject({ median: '240 ms', reference: 'node -e 0: 80.0 ms', ratio: '3.00×', target: '–' });
    // Without the check section: not measured, and said so.
    const withoutCheck = results({ options: { ...results().options, sections: ['build'] } });
    expect(find(tableRows(withoutCheck), 'check of one plan')).toMatchObject({ median: '– (check not run)', met: 'not measured (check not run)' });
  });

  it('compares the cold builds in CPU time too, without a target', () => {
    const rows = tableRows(results()).filter((row) => row.group.startsWith('CPU time'));
    // No row for the unified pipeline: its runs reported no CPU time.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ figure: 'careerplan build --no-pdf, cold', median: '5.00 s', reference: 'Eleventy 3.1.8 cold build: 4.00 s', ratio: '1.25×', target: '–', met: '–' });
  });

  it('sets validation alone against the cold build’s references, without a target', () => {
    const base = results();
    const check = { command: 'careerplan check', cold: runs([1500, 1600, 1550]), unchanged: runs([1500]), counts: {} };
    const rows = tableRows({ ...base, cases: { ...base.cases, check } }).filter((row) => row.group.startsWith('validation alone'));
    expect(rows.map((row) => [row.figure, row.median, row.reference, row.ratio, row.target, row.met])).toEqual([
      ['careerplan check, cold: no page made, nothing written', '1.55 s', 'Eleventy 3.1.8 cold build: 3.40 s', '0.46×', '–', '–'],
      ['careerplan check, cold: no page made, nothing written', '1.55 s', 'straightforward unified pipeline: 16.00 s', '0.10×', '–', '–'],
    ]);
    // Without a check run, there is nothing to set against them.
    expect(tableRows(base).filter((row) => row.group.startsWith('validation alone'))).toEqual([]);
  });

  it('says a target is unjudged, not met or unmet, when its reference was not measured', () => {
    const { eleventy: _eleventy, peers: _peers, mdToPdf: _mdToPdf, ...withoutPeers } = results();
    const rows = tableRows(withoutPeers);
    expect(find(rows, 'cold build, 1,000 plans', 'Eleventy')).toMatchObject({ reference: 'Eleventy 3: run with --peers', ratio: '–', met: '? (run with --peers)' });
    expect(find(rows, 'warm build')).toMatchObject({ met: '? (run with --peers)' });
  });

  it('says which sections and peers failed, in their rows and under the table', () => {
    const { warm: _warm, mdToPdf: _mdToPdf, ...rest } = results();
    const failures = [
      { section: 'warm', peer: false, message: 'pdf: a warm build: expected 1000 plans built, 0 printed, 1000 unchanged; the CLI said: 1000 of 1000 plans built; PDFs: 3 printed' },
      { section: 'md-to-pdf', peer: true, message: 'md-to-pdf exited 1 on files 61–80: Navigation timeout of 30000 ms exceeded' },
    ];
    const rows = tableRows({ ...rest, failures });
    expect(find(rows, 'warm build')).toMatchObject({ median: '– (warm failed)', met: 'not measured (warm failed)' });
    expect(find(rows, 'md-to-pdf')).toMatchObject({ median: 'failed' });
    const text = renderReport({ ...rest, failures });
    expect(text).toContain('- **warm failed**: pdf: a warm build: expected 1000 plans built');
    expect(text).toContain('- **md-to-pdf failed** (a peer, not careerplan): md-to-pdf exited 1 on files 61–80');
  });

  it('marks verdicts taken at another size than the target’s', () => {
    const base = results();
    const rows = tableRows(results({ options: { ...base.options, plans: 100, scale: [10, 100, 400] }, scale: { 10: runs([100], [100]), 100: runs([500], [110]), 400: runs([2000], [130]) } }));
    expect(find(rows, 'cold build, 100 plans', 'straightforward').met).toMatch(/\(at 100 plans; the target is at 1,000\)$/);
    expect(find(rows, 'peak RSS, cold build of 400 plans').met).toBe('yes (at 400 plans; the target is at 4,000)');
  });

  it('renders one Markdown table, every line with the same columns', () => {
    const table = renderTable(tableRows(results()));
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| figure +\| +n \| +median \| +min–max \| reference \(same run\) +\| +ratio \| target \(issue\) +\| met +\|$/);
    expect(lines[1]).toMatch(/^\|-+\|-+:\|/);
    for (const line of lines) {
      expect(line.startsWith('|') && line.endsWith('|')).toBe(true);
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(columns.length + 2);
    }
    expect(lines.filter((line) => line.startsWith('| **'))).not.toHaveLength(0);
  });

  it('describes the machine, the date, the commit and the load around the table', () => {
    const text = renderReport(results());
    expect(text).toContain('**Date:** 2026-11-26T12:00:00.000Z · **commit:** abc1234');
    expect(text).toContain('2 × Test CPU, 24 GB RAM · Debian 12, Linux 6 x64 · Node v20.20.2 · Chromium 156');
    expect(text).toContain('**Load average (1 min):** 0.10 before, median 1.10, max 1.20 during, 1.00 after');
    expect(text).not.toContain('other processes were busy');
    expect(renderReport(results({ load: { before: 3, during: [5], after: 4 } }))).toContain('other processes were busy');
  });

  it('warns of a busy machine from the load before and during the run', () => {
    expect(loadWarning({ before: 0.2, during: [1.5, 2], after: 1 }, 2)).toBeUndefined();
    expect(loadWarning({ before: 1.2, during: [1.5], after: 1 }, 2)).toMatch(/other processes were busy/);
    expect(loadWarning({ before: 0.2, during: [6, 7, 8], after: 1 }, 2)).toMatch(/median 7\.00 during/);
  });
});
