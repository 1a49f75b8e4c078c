/**
 * The VS Code extension: starts the bundled language server (dist/server.mjs) for `.rules` files. The
 * grammar and language settings are declared in package.json; everything else is the server's.
 */
import type { ExtensionContext } from "vscode";
import { LanguageClient, type ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath("dist/server.mjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  client = new LanguageClient("efapiao-rules", "efapiao rules", serverOptions, {
    documentSelector: [
      { scheme: "file", language: "efapiao-rules" },
      { scheme: "untitled", language: "efapiao-rules" },
    ],
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
