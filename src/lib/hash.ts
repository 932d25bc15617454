import { createHash } from 'node:crypto';

/** The sha256 (hex) of parts, each ended by a NUL so no two lists hash alike. Pure. */
export function hashOf(parts: Iterable<string | Uint8Array>): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex');
}
