/**
 * The buyer's side of the sandbox platform: 查验 (does an invoice with these elements exist, with which
 * fields and red status) and 用途确认 (received special invoices of a period; confirm or cancel their
 * deduction use). Served as plain JSON under `/sandbox/` — the adapters have no such calls yet — and spoken
 * by {@link createSandboxProvider}.
 */
import type { Platform, UseStatus } from "./platform.js";
import { json, type ProtocolContext, serverError, type WireAnswer, type WireRequest } from "./wire.js";

/** `POST /sandbox/verify` — the port's VerifyQuery in, VerifyResult out. */
export function verifyAnswer(platform: Platform, body: Record<string, unknown>): unknown {
  const number = typeof body.number === "string" ? body.number : "";
  const issueDate = typeof body.issueDate === "string" ? body.issueDate : undefined;
  // Like the platform, the number and date find the invoice; the amounts given are the caller's to compare
  // against the fields returned (a file whose amount was changed then shows as "differs").
  const found = platform.verify(number, issueDate);
  if (!found) return { found: false };
  return { found: true, fields: found.fields, redStatus: found.redStatus, state: "normal" };
}

const USE_STATUSES = new Set(["unconfirmed", "deduct", "no-deduct"]);

/** `POST /sandbox/received` — `{ buyerTaxId, period, useStatus? }` → the port's ReceivedInvoice list. */
export function receivedAnswer(platform: Platform, body: Record<string, unknown>): unknown {
  const buyer = typeof body.buyerTaxId === "string" ? body.buyerTaxId : "";
  const period = typeof body.period === "string" ? body.period : "";
  const status =
    typeof body.useStatus === "string" && USE_STATUSES.has(body.useStatus)
      ? (body.useStatus as UseStatus)
      : undefined;
  return platform.received(buyer, period, status).map((r) => ({
    number: r.number,
    issueDate: r.invoice.issueDate,
    sellerTaxId: r.sellerTaxId,
    sellerName: r.invoice.seller.name,
    amount: r.invoice.totals.amount,
    tax: r.invoice.totals.tax,
    useStatus: r.useStatus,
  }));
}

/**
 * `POST /sandbox/use` — `{ buyerTaxId, period, action: "confirm" | "cancel", items: [{ number, use? }] }` →
 * one result per item; an item already confirmed (or not confirmed, to cancel) is refused, not repeated.
 */
export function useAnswer(platform: Platform, body: Record<string, unknown>): unknown {
  const buyer = typeof body.buyerTaxId === "string" ? body.buyerTaxId : "";
  const period = typeof body.period === "string" ? body.period : "";
  const cancel = body.action === "cancel";
  const items = Array.isArray(body.items) ? (body.items as Record<string, unknown>[]) : [];
  return items.map((item) => {
    const number = typeof item.number === "string" ? item.number : "";
    const use: UseStatus = cancel ? "unconfirmed" : item.use === "no-deduct" ? "no-deduct" : "deduct";
    const refusal = platform.setUse(buyer, period, number, use);
    return refusal
      ? { number, ok: false, providerCode: refusal.code, providerMessage: `${refusal.zh} / ${refusal.en}` }
      : { number, ok: true };
  });
}

/**
 * `POST /sandbox/use` with the `--faults` of the sandbox, as issuing has them: `5xx` answers before acting;
 * `reset`, `timeout` and `slow` act, then lose or delay the answer. (`seal` and `duplicate` mean nothing
 * here: the answer is clean.)
 */
export function useWithFaults(request: WireRequest, ctx: ProtocolContext): WireAnswer {
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    body = undefined;
  }
  if (!body || typeof body !== "object") return json({ error: "a JSON object body is required" }, 400);
  const fault = ctx.drawFault();
  if (fault === "5xx") return serverError();
  const answer = json(useAnswer(ctx.platform, body as Record<string, unknown>));
  if (fault === "reset" || fault === "timeout" || fault === "slow") answer.fault = fault;
  return answer;
}
