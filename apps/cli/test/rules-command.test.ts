import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./fake-io.js";

const BASE = {
  kind: "general",
  issueDate: "2026-05-18",
  seller: { name: "上海示例科技有限公司", taxId: "914403001922038216" },
  buyer: { name: "张三", naturalPerson: true },
  lines: [{ name: "软件开发", code: "3040201010000000000", amount: "100.00", taxRate: "6%" }],
  drawer: "张伟",
};

const RULE = `base "sale.json"

rule ACME-01 warning
  applies to sale
  assert gbkLength(drawer) <= 8
  message zh "开票人“{drawer}”超过 8 个字节"
  message en "Drawer \\"{drawer}\\" is longer than 8 bytes"
`;

/** A company pack in a temporary directory. */
function pack(rules: string): string {
  const dir = mkdtempSync(join(tmpdir(), "efapiao-cli-rules-"));
  writeFileSync(join(dir, "sale.json"), JSON.stringify(BASE));
  writeFileSync(join(dir, "acme.rules"), rules);
  return dir;
}

const PASSING = `${RULE}
  example "两个汉字 / two Chinese characters"
    expect pass
  example "五个汉字 / five Chinese characters"
    set drawer to "欧阳张伟明"
    expect fail at drawer
`;

describe("efapiao rules test", () => {
  it("exits 0 when every example passes", async () => {
    const run = await runCli(["rules", "test", pack(PASSING)]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("✓ 2 个示例全部通过 / all 2 examples passed");
    expect(run.stdout).toBe("");
  });

  it("exits 1 on a failing example and prints the values of the failing expression", async () => {
    const run = await runCli([
      "rules",
      "test",
      pack(`${RULE}\n  example "wrong"\n    set drawer to "欧阳张伟明"\n    expect pass\n`),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("✗ ACME-01 “wrong”");
    expect(run.stderr).toContain("expected pass, got a failure at drawer");
    expect(run.stderr).toMatch(/gbkLength\(drawer\) <= 8 +false/);
    expect(run.stderr).toMatch(/gbkLength\(drawer\) +10/);
    expect(run.stderr).toMatch(/drawer +欧阳张伟明/);
  });

  it("prints a JSON report with --json", async () => {
    const run = await runCli(["rules", "test", pack(PASSING), "--json"]);
    expect(run.json()).toMatchObject({ ok: true, passed: 2, failed: 0, failures: [] });
  });

  it("exits 1 on a rule file that does not compile, with file:line:column and a caret", async () => {
    const dir = pack(`${RULE.replace("gbkLength(drawer)", "gbkLength(drawr)")}`);
    const run = await runCli(["rules", "test", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${dir.split("/").at(-1)}/acme.rules:5:20: 错误：未知名称 “drawr”`);
    expect(run.stderr).toContain('did you mean "drawer（开票人）"?');
    expect(run.stderr).toContain("                   ^^^^^");
  });

  it("exits 2 without a subcommand, without paths, or with a path that does not exist", async () => {
    expect((await runCli(["rules"])).code).toBe(2);
    expect((await runCli(["rules", "test"])).code).toBe(2);
    const missing = await runCli(["rules", "test", "no/such/dir"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("No such rule path: no/such/dir");
  });
});

describe("efapiao rules check", () => {
  it("exits 0 on a complete pack", async () => {
    const run = await runCli(["rules", "check", pack(PASSING)]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("✓ 1 条规则检查通过 / 1 rules checked, no problems");
  });

  it("exits 1 when a rule lacks a failing example or a message, listing each problem", async () => {
    const dir = pack(`${RULE.replace(/ {2}message en .*\n/, "")}\n  example "ok"\n    expect pass\n`);
    const run = await runCli(["rules", "check", dir, "--json"]);
    expect(run.code).toBe(1);
    expect(run.json().diagnostics.map((d: { messageEn: string }) => d.messageEn)).toEqual([
      'Rule ACME-01 has no "message en" (both a Chinese and an English message are required)',
    ]);
    const complete = pack(`${RULE}\n  example "ok"\n    expect pass\n`);
    const lint = await runCli(["rules", "check", complete, "--json"]);
    expect(lint.code).toBe(1);
    expect(lint.json().diagnostics.map((d: { messageEn: string }) => d.messageEn)).toEqual([
      "Rule ACME-01 has no failing example (expect fail)",
    ]);
  });
});

describe("rules check on a file with hundreds of problems", () => {
  it("lists at most 100 of a file's problems, then says how many more (stderr and --json)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-many-"));
    // 300 rules that each read an unknown field: 300 problems, each counted by hand from the text.
    const rules = Array.from(
      { length: 300 },
      (_, i) => `rule MANY-${i} error\n  assert nosuchfield${i} = 1\n  message zh "x"\n  message en "x"\n`,
    );
    writeFileSync(join(dir, "many.rules"), rules.join("\n"));
    const run = await runCli(["rules", "check", dir, "--json"]);
    expect(run.code).toBe(1);
    const report = run.json();
    const problems = report.diagnostics.length + report.notShown;
    expect(report.diagnostics.length).toBe(100);
    expect(problems).toBeGreaterThanOrEqual(300);
    expect(run.stderr).toContain(`and ${problems - 100} more problem(s) not shown`);
    expect(new Set(run.stderr.match(/nosuchfield\d+/g)).size).toBe(100);
  });
});
