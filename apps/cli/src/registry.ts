/**
 * Every command of `efapiao`, in the order the usage lists them. Adding a command is adding its declaration
 * in specs/ and one line here; help, parsing and completion follow from the declaration.
 */
import type { CommandSpec, OptionSpecs } from "./command.js";
import { buildSpec } from "./specs/build.js";
import { codesSpec } from "./specs/codes.js";
import { completionSpec } from "./specs/completion.js";
import { convertSpec } from "./specs/convert.js";
import { previewSpec } from "./specs/preview.js";
import { rulesSpec } from "./specs/rules.js";
import { validateSpec } from "./specs/validate.js";

export const COMMANDS: readonly CommandSpec<OptionSpecs>[] = [
  buildSpec,
  validateSpec,
  rulesSpec,
  convertSpec,
  previewSpec,
  codesSpec,
  completionSpec,
] as readonly CommandSpec<OptionSpecs>[];
