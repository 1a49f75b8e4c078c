/**
 * The zod schemas of diagnostics. Their types and helpers are in diagnostic.ts, which needs no zod at run
 * time, so that code reporting diagnostics does not pull zod into a browser bundle.
 */
import { z } from "zod";

export const SeveritySchema = z.enum(["error", "warning", "info"]);

export const DiagnosticSchema = z.object({
  /** A stable identifier, e.g. `SALE_UNKNOWN_FIELD` or a rule id such as `FP-CO-01`. */
  rule: z.string(),
  severity: SeveritySchema,
  /** JSON path of the field, e.g. `lines[2].amount` (0-based indices); empty for the whole document. */
  path: z.string(),
  message: z.string(),
  messageEn: z.string(),
  /** Where the rule that produced it is written, e.g. `rules/standard/parties.rules:12:3`. */
  source: z.string().optional(),
});
