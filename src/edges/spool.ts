/**
 * A spool: texts put aside in a temporary file as they come and read back,
 * one at a time, in whatever order they are needed, so a build of
 * thousands of plans never holds every plan's data in memory at once.
 * Touches the disk.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Texts by key, kept on disk. */
export interface Spool {
  /** Puts a text aside under `key`, replacing any text it had. */
  put(key: string, text: string): void;
  /** The text put aside under `key`; throws for a key never put. */
  get(key: string): string;
  /** The text put aside under `key` as its UTF-8 bytes, for writing it out again without decoding it; throws for a key never put. */
  bytes(key: string): Buffer;
  /** Closes and deletes the file. */
  close(): void;
}

const prefix = '.careerplan-spool.';

/** A spool in a temporary file of `folder`, deleted by `close`. */
export function createSpool(folder: string): Spool {
  const file = path.join(folder, `${prefix}${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const descriptor = openSync(file, 'wx+');
  const places = new Map<string, { readonly position: number; readonly length: number }>();
  let end = 0;
  const bytes = (key: string): Buffer => {
    const place = places.get(key);
    if (place === undefined) throw new Error(`nothing put aside as ${key}`);
    const read = Buffer.allocUnsafe(place.length);
    let done = 0;
    while (done < place.length) {
      const count = readSync(descriptor, read, done, place.length - done, place.position + done);
      if (count === 0) throw new Error(`the spool ${file} ends before ${key}`);
      done += count;
    }
    return read;
  };
  return {
    put(key, text) {
      const encoded = Buffer.from(text);
      let written = 0;
      while (written < encoded.length) written += writeSync(descriptor, encoded, written, encoded.length - written, end + written);
      places.set(key, { position: end, length: encoded.length });
      end += encoded.length;
    },
    get: (key) => bytes(key).toString('utf8'),
    bytes,
    close() {
      closeSync(descriptor);
      rmSync(file, { force: true });
    },
  };
}

/** Deletes the spools a killed process left in `folder`; call it only while no other process can be using one there. */
export function removeLeftoverSpools(folder: string): void {
  for (const name of readdirSync(folder)) if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(path.join(folder, name), { force: true });
}
