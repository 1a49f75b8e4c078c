/**
 * The server as an editor runs it: a child process speaking LSP over stdio. One session opens a file with
 * a misspelt field, receives the diagnostic, asks for completion and hover, then shuts down cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-jsonrpc/node";

let server: ChildProcess;
let connection: MessageConnection;
const uri = `file://${join(mkdtempSync(join(tmpdir(), "efapiao-lsp-e2e-")), "acme.rules")}`;

beforeAll(async () => {
  server = spawn(
    process.execPath,
    [
      "--conditions=source",
      "--import",
      "tsx",
      "-e",
      "import('./src/index.ts').then((m) => m.startServer())",
      "--",
      "--stdio",
    ],
    { cwd: new URL("..", import.meta.url).pathname, stdio: ["pipe", "pipe", "inherit"] },
  );
  connection = createMessageConnection(
    new StreamMessageReader(server.stdout!),
    new StreamMessageWriter(server.stdin!),
  );
  connection.listen();
  const init = (await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
  })) as {
    capabilities: { hoverProvider: boolean; definitionProvider: boolean };
  };
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.capabilities.definitionProvider).toBe(true);
  await connection.sendNotification("initialized", {});
}, 60_000);

afterAll(async () => {
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  connection.dispose();
  server.kill();
});

it("publishes diagnostics as the text changes, then answers completion and hover", async () => {
  const published = new Promise<{ diagnostics: { code: string; range: unknown }[] }>((resolve) =>
    connection.onNotification("textDocument/publishDiagnostics", resolve),
  );
  const text =
    'rule ACME-01 error\n  assert buyer.taxid is present\n  message zh "需要"\n  message en "needed"\n';
  await connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "efapiao-rules", version: 1, text },
  });
  const { diagnostics } = await published;
  expect(diagnostics.map((d) => d.code)).toEqual(["RULES_UNKNOWN_NAME"]);
  expect(diagnostics[0]!.range).toEqual({
    start: { line: 1, character: 9 },
    end: { line: 1, character: 20 },
  });

  const fixed = new Promise<{ diagnostics: unknown[] }>((resolve) =>
    connection.onNotification("textDocument/publishDiagnostics", resolve),
  );
  await connection.sendNotification("textDocument/didChange", {
    textDocument: { uri, version: 2 },
    contentChanges: [
      { range: { start: { line: 1, character: 15 }, end: { line: 1, character: 20 } }, text: "taxId" },
    ],
  });
  expect((await fixed).diagnostics).toEqual([]);

  const items = (await connection.sendRequest("textDocument/completion", {
    textDocument: { uri },
    position: { line: 1, character: 15 },
  })) as { label: string }[];
  expect(items.map((i) => i.label)).toContain("taxId");

  const hovered = (await connection.sendRequest("textDocument/hover", {
    textDocument: { uri },
    position: { line: 1, character: 17 },
  })) as { contents: { value: string } };
  expect(hovered.contents.value).toContain("购买方纳税人识别号");
}, 60_000);
