/**
 * The packaged extension (built by `pnpm build` before the tests, see turbo.json): the .vsix holds the
 * manifest, the grammar, the bundled client and server and the standard pack; and the bundled server, run on
 * its own as VS Code forks it, answers an editor session with no other file of the repository.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

const root = new URL("..", import.meta.url).pathname;
const vsix = unzipSync(readFileSync(join(root, "dist/efapiao-rules.vsix")));
const names = Object.keys(vsix);

describe("the .vsix", () => {
  it("holds the manifest, grammar, language settings, bundles and the standard pack", () => {
    for (const name of [
      "extension.vsixmanifest",
      "extension/package.json",
      "extension/language-configuration.json",
      "extension/syntaxes/efapiao-rules.tmLanguage.json",
      "extension/dist/extension.cjs",
      "extension/dist/server.mjs",
      "extension/standard/rates.rules",
      "extension/LICENSE.txt",
    ]) {
      expect(names, name).toContain(name);
    }
    expect(names.some((n) => n.startsWith("extension/src/") || n.startsWith("extension/node_modules/"))).toBe(
      false,
    );
    const manifest = JSON.parse(new TextDecoder().decode(vsix["extension/package.json"]));
    expect(manifest.contributes.languages[0].extensions).toEqual([".rules"]);
  });
});

let server: ChildProcess | undefined;
afterAll(() => server?.kill());

describe("the bundled server", () => {
  it("runs from the unpacked extension alone and reports a misspelt field", async () => {
    const unpacked = mkdtempSync(join(tmpdir(), "efapiao-vsix-"));
    for (const [name, bytes] of Object.entries(vsix)) {
      if (!name.startsWith("extension/") || name.endsWith("/")) continue;
      const target = join(unpacked, name.slice("extension/".length));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
    server = spawn(process.execPath, [join(unpacked, "dist/server.mjs"), "--stdio"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const connection = createMessageConnection(
      new StreamMessageReader(server.stdout!),
      new StreamMessageWriter(server.stdin!),
    );
    connection.listen();
    await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification("initialized", {});
    const published = new Promise<{ diagnostics: { code: string }[] }>((resolve) =>
      connection.onNotification("textDocument/publishDiagnostics", resolve),
    );
    const uri = `file://${join(mkdtempSync(join(tmpdir(), "efapiao-vsix-doc-")), "acme.rules")}`;
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: {
        uri,
        languageId: "efapiao-rules",
        version: 1,
        text: 'rule ACME-01 error\n  assert buyer.taxid is present\n  message zh "需要"\n  message en "needed"\n',
      },
    });
    expect((await published).diagnostics.map((d) => d.code)).toEqual(["RULES_UNKNOWN_NAME"]);
    await connection.sendRequest("shutdown");
    connection.dispose();
  }, 60_000);
});
