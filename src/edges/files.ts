/**
 * Writing the build's output: every file is written to a temporary file in
 * its own folder and renamed into place, so a crash or Ctrl-C never leaves
 * a half-written file. Touches the disk.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes a file atomically: the old content or the new one, never a mix. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Copies a file atomically, and only when the target differs. */
export async function copyIfChanged(source: string, target: string): Promise<boolean> {
  return writeIfChanged(target, await readFile(source));
}

/** Writes a file only when its content differs, so unchanged output keeps its time stamp. */
export async function writeIfChanged(file: string, data: string | Uint8Array): Promise<boolean> {
  try {
    const current = await readFile(file);
    if (current.equals(typeof data === 'string' ? Buffer.from(data) : data)) return false;
  } catch {
    // not there yet
  }
  await writeFileAtomic(file, data);
  return true;
}

/** Another build is writing to the same out folder. */
export class OutLockedError extends Error {
  override readonly name = 'OutLockedError';
}

/**
 * Takes the out folder's lock for the duration of a build, so two builds
 * never interleave their output; a lock left by a process that is gone is
 * taken over. Returns the function that releases it.
 */
export async function lockOut(out: string): Promise<() => Promise<void>> {
  await mkdir(out, { recursive: true });
  const lock = path.join(out, '.careerplan.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new OutLockedError(`another careerplan build (process ${owner}) is writing to ${out}; wait for it to finish`);
      }
      await rm(lock, { force: true });
    }
  }
  throw new OutLockedError(`cannot lock ${out}: another build keeps taking it`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
