/**
 * `careerplan lsp`'s server: the LSP connection, the open documents, and
 * the wiring of each request to the pure functions that answer it. Checks
 * run on the checker's threads after a pause in typing; every answer is
 * about the open text, not the file on disk. A request that fails is
 * answered empty and logged: the server goes on. Touches the world: the
 * connection's streams, the checker's threads.
 */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Config } from '../config/config.js';
import { isPlanFile } from '../stages/load.js';
import { createChecker, type Checker } from './checker.js';
import { codeActions } from './code-actions.js';
import { completions } from './completion.js';
import { outcomeDiagnostics } from './diagnostics.js';
import { readFormatDocs } from './format-docs.js';
import { hoverAt } from './hover.js';

/** How the server runs. */
export interface ServerOptions {
  readonly config: Config;
  /** The folder paths in messages are relative to: where the server started. */
  readonly cwd: string;
  /** The quiet time after a change before the plan is checked, in milliseconds. */
  readonly debounceMs: number;
  /** How long a check may take, in milliseconds, unless the editor's `initializationOptions.checkTimeoutMs` says otherwise. */
  readonly timeoutMs: number;
}

/** What the server keeps of one open plan. */
interface OpenPlan {
  timer?: NodeJS.Timeout;
  running: boolean;
  again: boolean;
  diagnostics: LspDiagnostic[];
}

/** Starts the language server on `input` and `output`; the connection ends the process on `exit`, as LSP asks. Touches the world. */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: ServerOptions): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const docs = readFormatDocs();
  const open = new Map<string, OpenPlan>();
  let checker: Checker | undefined;
  let timeoutMs = options.timeoutMs;

  const fileOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    return isPlanFile(options.config.plans, file) ? file : undefined;
  };
  const safely = <T>(what: string, answer: () => T, fallback: T): T => {
    try {
      return answer();
    } catch (error) {
      connection.console.error(`careerplan: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  };

  const check = async (uri: string, plan: OpenPlan): Promise<void> => {
    const document = documents.get(uri);
    const file = fileOf(uri);
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
    const now = documents.get(uri);
    if (now !== undefined && now.version === version && open.get(uri) === plan) {
      plan.diagnostics = safely('reporting', () => outcomeDiagnostics(outcome, file, text, options.cwd), []);
      await connection.sendDiagnostics({ uri, version, diagnostics: plan.diagnostics });
    }
    if (plan.again) {
      plan.again = false;
      await check(uri, plan);
    }
  };

  documents.onDidChangeContent(({ document }) => {
    if (fileOf(document.uri) === undefined) return;
    const plan = open.get(document.uri) ?? { running: false, again: false, diagnostics: [] };
    open.set(document.uri, plan);
    clearTimeout(plan.timer);
    plan.timer = setTimeout(() => void check(document.uri, plan).catch((error: unknown) => connection.console.error(String(error))), options.debounceMs);
  });
  documents.onDidClose(({ document }) => {
    const plan = open.get(document.uri);
    if (plan === undefined) return;
    clearTimeout(plan.timer);
    open.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onInitialize((params): InitializeResult => {
    const given = (params.initializationOptions as { checkTimeoutMs?: unknown } | undefined)?.checkTimeoutMs;
    if (typeof given === 'number' && given > 0) timeoutMs = given;
    checker = createChecker({ config: options.config, cwd: options.cwd, timeoutMs, threads: 4 });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '-', ',', '['] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'careerplan' },
    };
  });
  const textOf = (uri: string): string | undefined => (fileOf(uri) === undefined ? undefined : documents.get(uri)?.getText());
  connection.onCompletion(({ textDocument, position }) => {
    const text = textOf(textDocument.uri);
    return text === undefined ? [] : safely('completion', () => completions(text, position, docs), []);
  });
  connection.onHover(({ textDocument, position }) => {
    const text = textOf(textDocument.uri);
    const diagnostics = open.get(textDocument.uri)?.diagnostics ?? [];
    return text === undefined ? null : (safely('hover', () => hoverAt(text, position, docs, diagnostics), undefined) ?? null);
  });
  connection.onCodeAction(({ textDocument, context }) => {
    const text = textOf(textDocument.uri);
    return text === undefined ? [] : safely('quick fixes', () => codeActions(text, textDocument.uri, context.diagnostics), []);
  });
  connection.onShutdown(async () => {
    for (const plan of open.values()) clearTimeout(plan.timer);
    await checker?.close();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
