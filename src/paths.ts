import path from 'node:path';

/** Whether `target` is `root` or lies below it (no `..` escape). Pure. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
