/**
 * The language server: speaks LSP over stdio (or whatever connection it is given) and answers with the
 * service functions — diagnostics as you type, completion, hover, go to definition. Each answer compiles
 * the file's pack afresh from the editor's current text, so what the editor shows is what the compiler says.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Pack } from "@efapiao/rules";
import { loadStandardPack } from "@efapiao/rules";
import { standardPackDir } from "@efapiao/rules/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  type Connection,
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
} from "vscode-languageserver/node";
import { completions } from "./completion.js";
import { definition } from "./definition.js";
import { fileDiagnostics } from "./diagnostics.js";
import { hover } from "./hover.js";
import { compileContext, type RuleFile } from "./workspace.js";

/** Wires the service to a connection. Returns the document manager (tests use it). */
export function serve(connection: Connection): TextDocuments<TextDocument> {
  const documents = new TextDocuments(TextDocument);
  let standard: Pack | undefined;

  connection.onInitialize(async () => {
    standard = await loadStandardPack();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ["."] },
        hoverProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: "efapiao-rules" },
    };
  });

  const pathOf = (uri: string) =>
    uri.startsWith("file:") ? fileURLToPath(uri) : join("/untitled", basename(uri) || "untitled.rules");

  /** The open document and its pack, the rest of the pack's files from the editor or the disk. */
  const compile = (document: TextDocument) => {
    const path = pathOf(document.uri);
    const dir = dirname(path);
    const open = new Map(documents.all().map((d) => [pathOf(d.uri), d.getText()]));
    const siblings: RuleFile[] = [];
    for (const name of listRules(dir)) {
      const sibling = join(dir, name);
      if (sibling === path) continue;
      const text = open.get(sibling) ?? readText(sibling);
      if (text !== undefined) siblings.push({ path: sibling, text });
    }
    const isStandard = resolve(dir) === resolve(standardPackDir());
    const pack = compileContext({
      file: { path, text: document.getText() },
      siblings,
      extends: isStandard || !standard ? [] : [standard],
    });
    return { pack, path };
  };

  documents.onDidChangeContent(({ document }) => {
    const { pack, path } = compile(document);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: fileDiagnostics(pack, path) });
  });
  documents.onDidClose(({ document }) => {
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    return document ? completions(compile(document).pack, document.getText(), position) : [];
  });
  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    return document ? hover(compile(document).pack, document.getText(), position) : null;
  });
  connection.onDefinition(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const { pack, path } = compile(document);
    return definition(pack, document.getText(), position, path);
  });

  documents.listen(connection);
  connection.listen();
  return documents;
}

function listRules(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(".rules"));
  } catch {
    return [];
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Starts the server: on the transport the command line names (`--node-ipc`, `--socket=N`, as VS Code
 * passes them), else on stdio.
 */
export function startServer(argv: readonly string[] = process.argv): void {
  const named = argv.some((a) => a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"));
  serve(
    named
      ? createConnection(ProposedFeatures.all)
      : createConnection(ProposedFeatures.all, process.stdin, process.stdout),
  );
}
