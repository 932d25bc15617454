/**
 * A scripted editor for `careerplan lsp --stdio`, for the bench's lsp section
 * and the end-to-end tests: starts the server as a child process and speaks
 * LSP to it through vscode-languageserver's own protocol connection, as an
 * editor's client does. Starts a process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { packageRoot } from '../src/lib/package-root.js';

/** The diagnostics last published for a document, with when they arrived. */
export interface Published {
  readonly version?: number;
  readonly diagnostics: Diagnostic[];
  readonly at: number;
}

/** A running server and the client talking to it. */
export interface LspClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  /** The latest diagnostics of each document, by URI. */
  readonly published: Map<string, Published>;
  uri(file: string): string;
  open(file: string, text: string): void;
  change(file: string, text: string, version: number): void;
  /** Waits until the server has published diagnostics for `file` at `version` (or any, without) that satisfy `accept`. */
  diagnostics(file: string, version?: number, accept?: (published: Published) => boolean): Promise<Published>;
  complete(file: string, position: Position): Promise<CompletionItem[]>;
  hover(file: string, position: Position): Promise<Hover | null>;
  fixes(file: string, diagnostics: Diagnostic[]): Promise<CodeAction[]>;
  /** `shutdown` then `exit`; resolves with the server's exit code. */
  stop(): Promise<number | null>;
}

/** Starts `careerplan lsp --stdio` in the project `cwd` and initializes it. Starts a process. */
export async function startLsp(cwd: string, args: readonly string[] = [], initializationOptions: Record<string, unknown> = {}): Promise<LspClient> {
  const child = spawn(process.execPath, [path.join(packageRoot().folder, 'bin/careerplan.js'), 'lsp', '--stdio', ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, Published>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, { ...(params.version === undefined ? {} : { version: params.version }), diagnostics: params.diagnostics, at: Date.now() });
  });
  // As an editor that watches files for its servers: it accepts the server's registration of the files it wants to hear about.
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  const capabilities = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(cwd).href, capabilities, initializationOptions });
  await connection.sendNotification(InitializedNotification.type, {});
  const uri = (file: string): string => pathToFileURL(path.join(cwd, file)).href;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    connection,
    child,
    published,
    uri,
    open: (file, text) => void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(file), languageId: 'markdown', version: 1, text } }),
    change: (file, text, version) => void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] }),
    diagnostics: async (file, version, accept = () => true) => {
      for (;;) {
        const found = published.get(uri(file));
        if (found !== undefined && (version === undefined || found.version === version) && accept(found)) return found;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    complete: async (file, position) => {
      const answer = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(file) }, position })) as CompletionItem[] | CompletionList | null;
      return Array.isArray(answer) ? answer : (answer?.items ?? []);
    },
    hover: (file, position) => connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(file) }, position }),
    fixes: async (file, diagnostics) => {
      const range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
      const answer = await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(file) }, range, context: { diagnostics } });
      return (answer ?? []).filter((each): each is CodeAction => 'title' in each && 'edit' in each);
    },
    stop: async () => {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
