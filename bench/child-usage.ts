/**
 * Preloaded into a measured child process with `node --import`: when the
 * process exits, writes its peak RSS and CPU time as JSON to the file named
 * by `CAREERPLAN_BENCH_USAGE`. Touches the disk once, at exit.
 */
import { writeFileSync } from 'node:fs';

/** What a child process reports about itself at exit. */
export interface ChildUsage {
  readonly maxRssKb: number;
  readonly userMs: number;
  readonly systemMs: number;
}

const file = process.env.CAREERPLAN_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report: ChildUsage = { maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 };
    writeFileSync(file, JSON.stringify(report));
  });
}
