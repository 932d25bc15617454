import { terminalText } from './diagnostics/terminal-text.js';

/** The world as a command sees it: streams, the working folder, the environment. */
export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (colours and progress lines). */
  readonly isTerminal: boolean;
}

/** `io` whose stdout and stderr show every control character visibly, but careerplan's own (see terminal-text.ts): every command writes through it. Pure. */
export function terminalIo(io: Io): Io {
  const { stdout, stderr } = io;
  return { ...io, stdout: { write: (text: string) => stdout.write(terminalText(text)) }, stderr: { write: (text: string) => stderr.write(terminalText(text)) } };
}

/** The exit codes of every command. */
export const exitCodes = { ok: 0, problems: 1, failure: 2 } as const;

/** A mistake in how the tool was called or set up: one clear line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose `--help` tells what it takes, when the mistake is in its flags. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
