/**
 * What a red-letter form reverses, and whether it may: a whole blue invoice, some of its lines, or an
 * amount (价税合计) spread over the lines, never more than what earlier forms left. The red invoice's
 * amounts come from @efapiao/calc's negation; an amount reversal is worked out here in integer cents.
 *
 * The blue invoice is seen as its "net lines": a discounted line and its discount line count as one line
 * (red invoices carry normal lines only), named by the discounted line's index.
 */
import { negateInvoice, negateLines, todayInShanghai, totalsOf } from "@efapiao/calc";
import { type Diagnostic, error, type Invoice, type InvoiceLine, type Result } from "@efapiao/model";
import type { ReversedLine } from "../store/types.js";

/** Everything, these lines (blue `index` values), or this much of 价税合计 (a positive amount). */
export type Reversal =
  | { kind: "full" }
  | { kind: "lines"; lines: number[] }
  | { kind: "amount"; amount: string };

export interface ReversalPlan {
  /** The red invoice: negative amounts, dated `today`. */
  invoice: Invoice;
  reversed: ReversedLine[];
}

interface NetLine {
  index: number;
  line: InvoiceLine;
  amount: bigint;
  tax: bigint;
  remainingAmount: bigint;
  remainingTax: bigint;
}

/**
 * Plans a reversal of `blue` given what live forms already take (`taken`, one list per form).
 * @example
 * planReversal(blue, { kind: "amount", amount: "530.00" }, [], "2026-05-20")
 * // { ok: true, value: { invoice: { totals: { total: "-530.00", … } }, reversed: [{ index: 1, amount: "500.00", tax: "30.00" }] } }
 */
export function planReversal(
  blue: Invoice,
  reversal: Reversal,
  taken: readonly ReversedLine[][],
  today: string = todayInShanghai(),
): Result<ReversalPlan> {
  const net = netLines(blue, taken);
  const untouched = (l: NetLine) => l.remainingAmount === l.amount && l.remainingTax === l.tax;
  const dated = (invoice: Invoice): Invoice => ({ ...invoice, issueDate: today });
  if (reversal.kind === "full") {
    if (!net.every(untouched)) {
      return refuse("RED_ALREADY_REVERSED", "", {
        zh: "这张蓝字发票已被（部分）红冲，不能再全额红冲；请按剩余金额（--amount）或未冲的行（--lines）红冲",
        en: "This blue invoice has already been (partly) reversed, so it cannot be reversed in full again; reverse what remains with --amount or the untouched --lines",
      });
    }
    return ok(dated(negateInvoice(blue)), net.map(full));
  }
  if (reversal.kind === "lines") {
    const chosen = new Set<number>();
    for (const [k, index] of reversal.lines.entries()) {
      const position = blue.lines.findIndex((l) => l.index === index);
      const netIndex = blue.lines[position]?.nature === "discount" ? blue.lines[position - 1]?.index : index;
      const line = net.find((l) => l.index === netIndex);
      if (!line) {
        return refuse("RED_LINE_UNKNOWN", `lines[${k}]`, {
          zh: `蓝字发票没有序号为 ${index} 的明细行`,
          en: `The blue invoice has no line with index ${index}`,
        });
      }
      if (!untouched(line)) {
        return refuse("RED_LINE_ALREADY_REVERSED", `lines[${k}]`, {
          zh: `第 ${index} 行已被（部分）红冲，不能再整行红冲；剩余部分请按金额（--amount）红冲`,
          en: `Line ${index} has already been (partly) reversed and cannot be reversed whole again; reverse what remains with --amount`,
        });
      }
      chosen.add(line.index);
    }
    const negated = negateLines(blue, [...chosen]);
    if (!negated.ok) return negated;
    return ok(dated(negated.value), net.filter((l) => chosen.has(l.index)).map(full));
  }
  return planAmount(blue, net, reversal.amount, today);
}

/** An amount of 价税合计 spread over the lines in proportion to what remains of each (largest remainder). */
function planAmount(blue: Invoice, net: NetLine[], amountText: string, today: string): Result<ReversalPlan> {
  const wanted = centsOf(amountText);
  if (wanted === undefined || wanted <= 0n) {
    return refuse("RED_AMOUNT", "amount", {
      zh: `红冲金额应为大于 0 的金额（最多两位小数），收到 “${amountText}”`,
      en: `The amount to reverse must be a positive amount with at most two decimals, got "${amountText}"`,
    });
  }
  const remaining = net.map((l) => l.remainingAmount + l.remainingTax);
  const available = remaining.reduce((a, b) => a + b, 0n);
  if (wanted > available) {
    return refuse("RED_OVER_REVERSAL", "amount", {
      zh: `红冲金额 ${textOf(wanted)} 超过蓝字发票剩余可冲金额 ${textOf(available)}`,
      en: `The amount to reverse, ${textOf(wanted)}, exceeds what remains of the blue invoice, ${textOf(available)}`,
    });
  }
  const shares = remaining.map((r) => (wanted * r) / available);
  let left = wanted - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = remaining
    .map((r, i) => ({ i, rest: (wanted * r) % available }))
    .sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    shares[i]!++;
    left--;
  }
  const reversed: ReversedLine[] = [];
  const lines: InvoiceLine[] = [];
  net.forEach((l, i) => {
    const total = shares[i]!;
    if (total === 0n) return;
    // The tax-exclusive part of the share at the line's rate, capped by what remains of the line's amount.
    let amount = divideRounded(
      total * rateDenominator(l.line.taxRate),
      rateDenominator(l.line.taxRate) + rateNumerator(l.line.taxRate),
    );
    if (amount > l.remainingAmount) amount = l.remainingAmount;
    if (total - amount > l.remainingTax) amount = total - l.remainingTax;
    const tax = total - amount;
    reversed.push({ index: l.index, amount: textOf(amount), tax: textOf(tax) });
    const { quantity: _q, unitPrice: _p, ...rest } = l.line;
    lines.push({
      ...rest,
      index: lines.length + 1,
      nature: "normal",
      amount: textOf(-amount),
      tax: textOf(-tax),
    });
  });
  const yuan = blue.totals.totalInWords.includes("元") ? "元" : "圆";
  const { remarks: _dropped, ...header } = blue;
  return ok({ ...header, issueDate: today, lines, totals: totalsOf(lines, yuan) }, reversed);
}

/** The blue invoice's net lines, with what the live forms have not yet taken. */
function netLines(blue: Invoice, taken: readonly ReversedLine[][]): NetLine[] {
  const negated = negateInvoice(blue).lines;
  const indices = blue.lines.filter((l) => l.nature !== "discount").map((l) => l.index);
  return negated.map((red, k) => {
    const index = indices[k]!;
    const amount = -centsOf(red.amount)!;
    const tax = -centsOf(red.tax)!;
    let remainingAmount = amount;
    let remainingTax = tax;
    for (const form of taken) {
      for (const r of form) {
        if (r.index !== index) continue;
        remainingAmount -= centsOf(r.amount)!;
        remainingTax -= centsOf(r.tax)!;
      }
    }
    return {
      index,
      line: blue.lines.find((l) => l.index === index)!,
      amount,
      tax,
      remainingAmount,
      remainingTax,
    };
  });
}

function full(line: NetLine): ReversedLine {
  return { index: line.index, amount: textOf(line.amount), tax: textOf(line.tax) };
}

/** "123.45" → 12345n; undefined when not money with at most two decimals. */
export function centsOf(text: string): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const cents = BigInt(match[2]!) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -cents : cents;
}

/** 12345n → "123.45"; -5n → "-0.05". */
export function textOf(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** A rate "0.06" as the fraction 6/100: numerator and denominator. */
function rateNumerator(rate: string): bigint {
  const [whole, fraction = ""] = rate.split(".");
  return BigInt(whole! + fraction);
}

function rateDenominator(rate: string): bigint {
  return 10n ** BigInt(rate.split(".")[1]?.length ?? 0);
}

/** a ÷ b (both positive) rounded half up. */
function divideRounded(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

function ok(invoice: Invoice, reversed: ReversedLine[]): Result<ReversalPlan> {
  return { ok: true, value: { invoice, reversed }, diagnostics: [] };
}

function refuse(rule: string, path: string, message: { zh: string; en: string }): Result<ReversalPlan> {
  const d: Diagnostic = error(rule, path, message);
  return { ok: false, diagnostics: [d] };
}
