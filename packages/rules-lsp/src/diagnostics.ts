/** The compiler's problems in one file, as the editor shows them (0-based ranges, both languages). */
import type { Pack, SourceDiagnostic } from "@efapiao/rules";
import { type Diagnostic, DiagnosticSeverity } from "vscode-languageserver-types";
import { sourceName } from "./workspace.js";

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

export function toLspDiagnostic(d: SourceDiagnostic): Diagnostic {
  return {
    range: {
      start: { line: d.line - 1, character: d.column - 1 },
      end: { line: d.endLine - 1, character: Math.max(d.endColumn - 1, d.column - 1) },
    },
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "efapiao-rules",
    message: `${d.message}\n${d.messageEn}`,
  };
}

/** The diagnostics of the compiled pack that belong to the file at `path`. */
export function fileDiagnostics(pack: Pack, path: string): Diagnostic[] {
  const name = sourceName(path);
  return pack.diagnostics.filter((d) => d.file === name).map(toLspDiagnostic);
}
