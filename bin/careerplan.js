#!/usr/bin/env node
import v8 from 'node:v8';

// V8 lets a heap grow to up to four times what survived its last full
// collection before it collects again. A build's heaps hold little that lasts
// (a worker keeps about 30 MB between plans), so most of that room is garbage.
// Measured on a 4,000-plan build: peak RSS about 420 MB at V8's default,
// 300 MB at +100%, 270-290 MB at +50%; full collections then take about 1% of
// the CPU time. Set before any worker starts; it applies to every heap of the
// process.
v8.setFlagsFromString('--heap-growing-percent=50');

// V8 optimises a function with TurboFan once it has run about 66 KB of its
// bytecode (the interrupt budget). `build` runs the same pipeline in each of
// its threads on every core, and each thread compiled it again, on the cores
// the threads need: a profile of a cold build of 1,000 plans put 23% of its
// CPU time in TurboFan. With 44 times the budget only the code that stays hot
// is optimised. Measured, cold builds (wall): 1,000 plans 7.70 -> 6.62 s (CPU
// 14.1 -> 12.0 s), 4,000 plans 21.5 -> 19.7 s; a build with nothing changed
// 184 -> 163 ms. No TurboFan at all (--no-opt) was as fast at 1,000 plans and
// slower at 4,000 (22.5 s). `check`, one thread with TurboFan on an idle core,
// was 10% slower with it, so only `build` sets it (the first word that is not
// a flag). Set before any worker starts.
if (process.argv.slice(2).find((argument) => !argument.startsWith('-')) === 'build') v8.setFlagsFromString('--interrupt-budget=3000000');

const { main } = await import('../dist/src/cli.js');

// A reader that stops early (`careerplan schema | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
