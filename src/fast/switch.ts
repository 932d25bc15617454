/**
 * The one place that decides which fast readers run. Each fast reader reads
 * a subset of its input faster than the library it stands in for, gives the
 * same result, and leaves everything else to the library; turning one off
 * changes how fast careerplan is, never what it reports.
 *
 * `CAREERPLAN_FAST_READERS` (read by `fastReadersOfProcess`): unset, empty or
 * `1` turns every reader on; `0` turns every reader off; a comma-separated
 * list of names (`markdown-body,yaml-subset`) turns on those alone.
 */

/** The fast readers, by the name the switch uses. */
export const fastReaderNames = ['markdown-body', 'yaml-subset'] as const;

/** A fast reader's name. */
export type FastReaderName = (typeof fastReaderNames)[number];

/** Which fast readers run. */
export type FastReaders = Readonly<Record<FastReaderName, boolean>>;

/** Every fast reader on: the default. */
export const allFastReaders: FastReaders = { 'markdown-body': true, 'yaml-subset': true };

/** Every fast reader off: the libraries alone. */
export const noFastReaders: FastReaders = { 'markdown-body': false, 'yaml-subset': false };

/** Which fast readers a value of `CAREERPLAN_FAST_READERS` turns on; throws for a name it does not know. Pure. */
export function fastReadersFrom(value: string | undefined): FastReaders {
  const setting = (value ?? '').trim();
  if (setting === '' || setting === '1') return allFastReaders;
  if (setting === '0') return noFastReaders;
  const names = setting.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(fastReaderNames as readonly string[]).includes(name)) {
      throw new Error(`Unknown fast reader \`${name}\` in CAREERPLAN_FAST_READERS, expected 0, 1 or some of ${fastReaderNames.join(', ')}`);
    }
  }
  return { 'markdown-body': names.includes('markdown-body'), 'yaml-subset': names.includes('yaml-subset') };
}

/** Which fast readers this process runs, from `CAREERPLAN_FAST_READERS`. Reads the environment. */
export function fastReadersOfProcess(): FastReaders {
  return fastReadersFrom(process.env.CAREERPLAN_FAST_READERS);
}
