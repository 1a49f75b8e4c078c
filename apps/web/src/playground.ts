/**
 * The rule playground: compiles the edited rule file on top of the standard pack and runs its examples
 * against the standard pack's embedded example documents — the real @efapiao/rules, in the page.
 */
import {
  compilePack,
  type ExampleOutcome,
  type Pack,
  runPackExamples,
  type SourceDiagnostic,
  standardExampleFiles,
} from "@efapiao/rules";

export const PLAYGROUND_FILE = "playground.rules";

export interface PlaygroundResult {
  pack: Pack;
  diagnostics: SourceDiagnostic[];
  outcomes: ExampleOutcome[];
  passed: number;
  failed: number;
}

/**
 * @example
 * const r = await runPlayground(text, standard, "2026-05-18");
 * r.outcomes.map((o) => `${o.rule} ${o.example}: ${o.passed ? "pass" : "FAIL"}`)
 */
export async function runPlayground(text: string, standard: Pack, today?: string): Promise<PlaygroundResult> {
  const pack = compilePack([{ name: PLAYGROUND_FILE, text }], { name: "playground", extends: [standard] });
  const report = await runPackExamples([pack], { extends: [standard], files: standardExampleFiles, today });
  return {
    pack,
    diagnostics: pack.diagnostics,
    outcomes: report.outcomes,
    passed: report.passed,
    failed: report.failed,
  };
}

/** The rule file the playground starts with: a company rule with two examples. */
export const SAMPLE_RULES = `# 公司规则示例 / A company rule — edit it and watch the examples run
base "examples/special-invoice.json"

rule ACME-01 warning
  assert remarks is present
  at remarks
  message zh "请在备注中写明合同号"
  message en "Write the contract number in the remarks"

  example "写了备注 / with remarks"
    set remarks to "合同号 HT-2026-0518"
    expect pass
  example "没有备注 / without remarks"
    remove remarks
    expect fail at remarks
`;
