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
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Config } from '../config/config.js';
import { isPlanFile } from '../stages/load.js';
import { createChecker, type Checker } from './checker.js';
import { codeActions } from './code-actions.js';
import { completions } from './completion.js';
import { createOpenPlans } from './open-plans.js';
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

/** Starts the language server on `input` and `output`; the connection ends the process on `exit`, as LSP asks. Touches the world. */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: ServerOptions): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const docs = readFormatDocs();
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

  const plans = createOpenPlans({ connection, documents, checker: () => checker, fileOf, cwd: options.cwd, debounceMs: options.debounceMs });
  documents.onDidChangeContent(({ document }) => plans.schedule(document.uri));
  documents.onDidClose(({ document }) => plans.close(document.uri));
  // A plan added, removed or renamed on disk can change what the rules over all plans say of the open ones.
  connection.onDidChangeWatchedFiles(() => plans.scheduleAll());

  let watchesFiles = false;
  connection.onInitialize((params): InitializeResult => {
    watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
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
  connection.onInitialized(() => {
    if (watchesFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,MD}' }] });
  });
  const textOf = (uri: string): string | undefined => (fileOf(uri) === undefined ? undefined : documents.get(uri)?.getText());
  connection.onCompletion(({ textDocument, position }) => {
    const text = textOf(textDocument.uri);
    return text === undefined ? [] : safely('completion', () => completions(text, position, docs), []);
  });
  connection.onHover(({ textDocument, position }) => {
    const text = textOf(textDocument.uri);
    const diagnostics = plans.diagnostics(textDocument.uri);
    return text === undefined ? null : (safely('hover', () => hoverAt(text, position, docs, diagnostics), undefined) ?? null);
  });
  connection.onCodeAction(({ textDocument, context }) => {
    const text = textOf(textDocument.uri);
    return text === undefined ? [] : safely('quick fixes', () => codeActions(text, textDocument.uri, context.diagnostics), []);
  });
  connection.onShutdown(async () => {
    plans.stop();
    await checker?.close();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
