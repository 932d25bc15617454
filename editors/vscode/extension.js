// The careerplan extension for VS Code: starts `careerplan lsp --stdio` in the workspace's folder, for its Markdown
// files. The server decides which of them are plans (those in the plans folder of the project's config).
const path = require('node:path');
const fs = require('node:fs');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The careerplan to run: the setting, else the project's own, else the one on the PATH. */
function command(folder) {
  const configured = vscode.workspace.getConfiguration('careerplan').get('command');
  if (configured) return configured;
  const local = path.join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'careerplan.cmd' : 'careerplan');
  return fs.existsSync(local) ? local : 'careerplan';
}

function activate() {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder === undefined) return;
  const server = { command: command(folder), args: ['lsp', '--stdio'], options: { cwd: folder, shell: process.platform === 'win32' }, transport: TransportKind.stdio };
  client = new LanguageClient('careerplan', 'careerplan', { run: server, debug: server }, { documentSelector: [{ scheme: 'file', language: 'markdown' }] });
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
