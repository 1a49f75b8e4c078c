/** Sale documents for the tests: the repository's example sale, varied per request key. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadStandardPack, createValidator } from "@efapiao/rules";
import { builtinCodeTable } from "@efapiao/tables";
import { type PreparedDocument, prepareDocument } from "../src/index.js";

export const EXAMPLE_SALE = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../examples/sale.json", import.meta.url)), "utf8"),
) as Record<string, unknown>;

/** Tax ids with valid GB 32100 check characters (the example sale's are placeholders the rules refuse). */
export const SELLER_TAX_ID = "91310115MA1K3X4Y77";
export const BUYER_TAX_ID = "91110108MA00ABCD1U";

/** The example sale with line 1's price made distinct by `n` (so each sale has its own content). */
export function sale(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const lines = (EXAMPLE_SALE.lines as Record<string, unknown>[]).map((l) => {
    const { amount: _a, ...rest } = l;
    return { ...rest, unitPrice: `${1000 + n}.00` };
  });
  const seller = { ...(EXAMPLE_SALE.seller as object), taxId: SELLER_TAX_ID };
  const buyer = { ...(EXAMPLE_SALE.buyer as object), taxId: BUYER_TAX_ID };
  return { ...EXAMPLE_SALE, seller, buyer, lines, ...extra };
}

const codes = builtinCodeTable();
const check = createValidator({ packs: [await loadStandardPack()], codes });

export function prepare(document: unknown): PreparedDocument {
  const prepared = prepareDocument(document, { codes, check });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.diagnostics));
  return prepared.value;
}

export const prepareOptions = { codes, check };
