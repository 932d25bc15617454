/** The message an import reader refuses its input with: it must throw an ImportError. */
import { expect } from 'vitest';
import { ImportError } from '../../src/import/imported.js';

/** The message of the ImportError that `read` throws; fails the test when it throws none or another error. */
export function refusalOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('expected the import to be refused');
}
