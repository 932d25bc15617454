/**
 * The plans open in the editor and their checks: a check after each pause
 * in typing, one at a time per plan (a change during a check asks for
 * another after it), its diagnostics published only while they still match
 * the text the editor has. Touches the world: the connection, the checker.
 */
import type { Connection, Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checker } from './checker.js';
import { outcomeDiagnostics } from './diagnostics.js';

/** What is kept of one open plan. */
interface OpenPlan {
  timer?: NodeJS.Timeout;
  running: boolean;
  again: boolean;
  diagnostics: LspDiagnostic[];
}

/** The open plans' checks. */
export interface OpenPlans {
  /** Checks the plan at `uri` after the quiet time. */
  schedule(uri: string): void;
  /** Checks every open plan again after the quiet time (another plan on disk changed). */
  scheduleAll(): void;
  /** Forgets a closed plan and clears its problems in the editor. */
  close(uri: string): void;
  /** The diagnostics last published for a plan. */
  diagnostics(uri: string): readonly LspDiagnostic[];
  /** Stops every waiting check. */
  stop(): void;
}

/** How open plans are checked. */
export interface OpenPlansOptions {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The checker, once the editor has said how long a check may take. */
  readonly checker: () => Checker | undefined;
  /** The plan file of a URI, or `undefined` for a file that is not a plan of the project. */
  readonly fileOf: (uri: string) => string | undefined;
  readonly cwd: string;
  readonly debounceMs: number;
}

/** Keeps the open plans' checks. Touches the world: the connection, the checker. */
export function createOpenPlans(options: OpenPlansOptions): OpenPlans {
  const { connection, documents } = options;
  const open = new Map<string, OpenPlan>();
  const check = async (uri: string, plan: OpenPlan): Promise<void> => {
    const document = documents.get(uri);
    const file = options.fileOf(uri);
    const checker = options.checker();
    if (document === undefined || file === undefined || checker === undefined) return;
    if (plan.running) {
      plan.again = true;
      return;
    }
    plan.running = true;
    const { version } = document;
    const text = document.getText();
    const outcome = await checker.check(file, text);
    plan.running = false;
    if (documents.get(uri)?.version === version && open.get(uri) === plan) {
      plan.diagnostics = outcomeDiagnostics(outcome, file, text, options.cwd);
      await connection.sendDiagnostics({ uri, version, diagnostics: plan.diagnostics });
    }
    if (plan.again) {
      plan.again = false;
      await check(uri, plan);
    }
  };
  const schedule = (uri: string): void => {
    if (options.fileOf(uri) === undefined) return;
    const plan = open.get(uri) ?? { running: false, again: false, diagnostics: [] };
    open.set(uri, plan);
    clearTimeout(plan.timer);
    plan.timer = setTimeout(() => void check(uri, plan).catch((error: unknown) => connection.console.error(`careerplan: a check failed: ${String(error)}`)), options.debounceMs);
  };
  return {
    schedule,
    scheduleAll: () => {
      for (const uri of open.keys()) schedule(uri);
    },
    close: (uri) => {
      const plan = open.get(uri);
      if (plan === undefined) return;
      clearTimeout(plan.timer);
      open.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    diagnostics: (uri) => open.get(uri)?.diagnostics ?? [],
    stop: () => {
      for (const plan of open.values()) clearTimeout(plan.timer);
    },
  };
}
