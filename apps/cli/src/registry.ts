/**
 * Every command of `efapiao`, in the order the usage lists them. Adding a command is adding its declaration
 * in specs/ and one line here; help, parsing and completion follow from the declaration.
 */
import type { CommandSpec, OptionSpecs } from "./command.js";
import { buildSpec } from "./specs/build.js";
import { codesSpec } from "./specs/codes.js";
import { completionSpec } from "./specs/completion.js";
import { convertSpec } from "./specs/convert.js";
import { payloadSpec } from "./specs/payload.js";
import { intakeSpec } from "./specs/intake.js";
import { useSpec } from "./specs/use.js";
import { verifySpec } from "./specs/verify.js";
import { previewSpec } from "./specs/preview.js";
import { rulesSpec } from "./specs/rules.js";
import { sandboxSpec } from "./specs/sandbox.js";
import { validateSpec } from "./specs/validate.js";
import { issueSpec, statusSpec } from "./specs/issue.js";
import { redSpec } from "./specs/red.js";

export const COMMANDS: readonly CommandSpec<OptionSpecs>[] = [
  buildSpec,
  validateSpec,
  rulesSpec,
  convertSpec,
  payloadSpec,
  intakeSpec,
  verifySpec,
  useSpec,
  previewSpec,
  codesSpec,
  issueSpec,
  statusSpec,
  redSpec,
  sandboxSpec,
  completionSpec,
] as readonly CommandSpec<OptionSpecs>[];
