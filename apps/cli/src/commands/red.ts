/**
 * `efapiao red apply|confirm|refuse|cancel|list|issue` (contracts.md §4): the red-letter life cycle of
 * @efapiao/issuing, one JSON line per form (or, for `red issue`, the line `issue` prints).
 */
import {
  type FormReport,
  Issuer,
  RedLetter,
  type RedFormAction,
  type Reversal,
  type Store,
} from "@efapiao/issuing";
import type { Diagnostic, Result } from "@efapiao/model";
import type { CommandContext, OptionSpecs } from "../command.js";
import { type CliIO, EXIT, UsageError } from "../io.js";
import { openIssuingStore, providerFor } from "../issuing-setup.js";
import { printReports, secondsOption } from "./issue.js";

type Context = CommandContext<OptionSpecs>;
type Values = { provider?: string; credentials?: string; store?: string; [key: string]: unknown };

/** Opens the store, then the provider (for the seller of `blueNumber` when given), runs `work`, closes both. */
async function withRedLetter(
  io: CliIO,
  values: Values,
  blueNumber: string | undefined,
  work: (red: RedLetter, store: Store) => Promise<number>,
) {
  const store = await openIssuingStore(io, values.store);
  try {
    const blue = blueNumber === undefined ? undefined : await store.findByNumber(blueNumber);
    const setup = await providerFor(
      io,
      values,
      blue?.invoice.seller.taxId ?? (await anySeller(store)),
      store,
    );
    try {
      const issuer = new Issuer({ store, provider: setup.provider });
      return await work(new RedLetter({ store, provider: setup.provider, issuer }), store);
    } finally {
      await setup.close();
    }
  } finally {
    await store.close();
  }
}

async function anySeller(store: Store): Promise<string | undefined> {
  const [first] = await store.list();
  return first?.invoice.seller.taxId;
}

function printForm(io: CliIO, result: Result<FormReport>): number {
  if (result.ok) {
    io.stdout(`${JSON.stringify(result.value)}\n`);
    return EXIT.ok;
  }
  io.stdout(`${JSON.stringify({ valid: false, diagnostics: result.diagnostics })}\n`);
  for (const d of result.diagnostics as Diagnostic[]) io.stderr(`${d.rule}: ${d.message} / ${d.messageEn}\n`);
  return EXIT.rejected;
}

function oneArgument(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`需要一个参数 ${what}`, `Expected one ${what}`);
  return positionals[0]!;
}

export async function apply({ values, positionals, io }: Context): Promise<number> {
  const number = oneArgument(positionals, "NUMBER");
  const v = values as Values & { lines?: string; amount?: string; reason?: string };
  if (v.reason === undefined)
    throw new UsageError("需要 --reason 01|02|03|04", "--reason 01|02|03|04 is required");
  if (v.lines !== undefined && v.amount !== undefined) {
    throw new UsageError("--lines 与 --amount 只能用其一", "Give --lines or --amount, not both");
  }
  let reversal: Reversal = { kind: "full" };
  if (v.amount !== undefined) reversal = { kind: "amount", amount: v.amount };
  if (v.lines !== undefined) {
    const lines = v.lines.split(",").map((s) => Number(s.trim()));
    if (lines.some((n) => !Number.isInteger(n) || n < 1)) {
      throw new UsageError(
        `--lines 应为行序号列表，如 1,2；收到 “${v.lines}”`,
        `--lines takes line indices like 1,2; got "${v.lines}"`,
      );
    }
    reversal = { kind: "lines", lines };
  }
  const reason = v.reason as "01" | "02" | "03" | "04";
  return withRedLetter(io, v, number, async (red) =>
    printForm(io, await red.apply({ blueNumber: number, reversal, reason })),
  );
}

const operate =
  (action: RedFormAction) =>
  async ({ values, positionals, io }: Context): Promise<number> => {
    const form = oneArgument(positionals, "FORM");
    return withRedLetter(io, values as Values, undefined, async (red) =>
      printForm(io, await red.operate(form, action)),
    );
  };

export const confirm = operate("confirm");
export const refuse = operate("refuse");
export const cancel = operate("cancel");

export async function list({ values, io }: Context): Promise<number> {
  const store = await openIssuingStore(io, (values as Values).store);
  try {
    // Listing needs no provider: it shows the forms as stored, expired ones marked 07.
    const red = new RedLetter({ store, provider: undefined as never, issuer: undefined as never });
    for (const form of await red.list()) io.stdout(`${JSON.stringify(form)}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export async function issueRed({ values, positionals, io }: Context): Promise<number> {
  const form = oneArgument(positionals, "FORM");
  const waitMs = secondsOption((values as Values & { wait?: string }).wait) * 1000;
  return withRedLetter(io, values as Values, undefined, async (red) => {
    const result = await red.issue(form, { waitMs });
    if (!result.ok) return printForm(io, result as Result<never>);
    return printReports(io, [result.value]);
  });
}
