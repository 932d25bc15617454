/** How editors save a file, done to a real disk: each ends with `text` in `file`. */
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Saves like editors that write a temporary file and rename it over the original. */
export async function atomicSave(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, file);
}

/** Saves like vim with `writebackup`: probe file, rename the original to `file~`, write anew, delete the backup. */
export async function vimSave(file: string, text: string): Promise<void> {
  const probe = path.join(path.dirname(file), '4913');
  await writeFile(probe, '');
  await unlink(probe);
  await rename(file, `${file}~`);
  await writeFile(file, text);
  await unlink(`${file}~`);
}

/** Saves several times in quick succession (an editor's autosave, a formatter on save), `text` last. */
export async function burstSave(file: string, text: string, earlier: readonly string[]): Promise<void> {
  for (const version of [...earlier, text]) {
    await writeFile(file, version);
    await pause(15);
  }
}

/** Writes the first half, pauses longer than a write takes to settle alone, then the rest. */
export async function pausedSave(file: string, text: string, pauseMs = 50): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.write(text.slice(0, Math.floor(text.length / 2)));
    await pause(pauseMs);
    await handle.write(text.slice(Math.floor(text.length / 2)));
  } finally {
    await handle.close();
  }
}
