/**
 * The three provider adapters behind one table, for `payload` and `convert`: reading a credentials file,
 * preparing the issue request exactly as it would be sent, the plain request object, and reading a
 * provider request back into the canonical invoice. Wiring only: the logic is in the adapters.
 */
import {
  type BaiwangCredentials,
  fromBaiwangInvoice,
  prepareBaiwangIssue,
  readBaiwangCredentials,
  toBaiwangInvoice,
} from "@efapiao/baiwang";
import { todayInShanghai } from "@efapiao/calc";
import {
  fromLeqiInvoice,
  type LeqiCredentials,
  prepareLeqiIssue,
  readLeqiCredentials,
  toLeqiInvoice,
} from "@efapiao/leqi";
import type { Diagnostic, Result } from "@efapiao/model";
import {
  fromNuonuoOrder,
  type NuonuoCredentials,
  prepareNuonuoIssue,
  readNuonuoCredentials,
  toNuonuoOrder,
} from "@efapiao/nuonuo";
import type { Invoice } from "@efapiao/model";
import { type IssueRequest, isRequestKey } from "@efapiao/provider";
import { deriveRequestKey, type PreparedRequest, type ShortNameOf } from "@efapiao/provider-utils";

import { PROVIDER_NAMES } from "./specs/provider-names.js";
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** True for a provider's name. */
export function isProvider(name: string): name is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(name);
}

/**
 * The request key of a document: its own `requestKey` when the JSON names a valid one, else derived from
 * the invoice's content (the same invoice always gets the same key).
 */
export function requestKeyOf(text: string, invoice: Invoice): string {
  try {
    const json = JSON.parse(text) as { requestKey?: unknown };
    if (typeof json?.requestKey === "string" && isRequestKey(json.requestKey)) return json.requestKey;
  } catch {
    // Not JSON (a platform XML): the content decides.
  }
  return deriveRequestKey(invoice);
}

/** Values that make a request reproducible (`--nonce`, `--timestamp` in seconds). */
export interface Fixes {
  nonce?: string;
  timestamp?: string;
}

/**
 * Checks a credentials object for the provider. For payload, 百望 needs a token (a password grant would
 * have to be sent to get one).
 */
export function readProviderCredentials(provider: ProviderName, value: unknown): Result<unknown> {
  if (provider === "nuonuo") return readNuonuoCredentials(value);
  if (provider === "leqi") return readLeqiCredentials(value);
  const read = readBaiwangCredentials(value);
  if (read.ok && !read.value.token) {
    return {
      ok: false,
      diagnostics: [
        {
          rule: "CREDENTIALS_MISSING",
          severity: "error",
          path: "token",
          message: "baiwang 的凭据缺少字段 token（生成请求报文需要现成的令牌）",
          messageEn: "The baiwang credentials lack the field token (a payload needs a token at hand)",
        },
      ],
    };
  }
  return read;
}

/** The issue request as it would be sent: URL, headers, the exact body, and the plain object. */
export function preparePayload(
  provider: ProviderName,
  credentials: unknown,
  request: IssueRequest,
  fixes: Fixes,
): Result<PreparedRequest> {
  if (provider === "nuonuo") {
    return prepareNuonuoIssue(credentials as NuonuoCredentials, request, {
      ...(fixes.nonce ? { nonce: fixes.nonce } : {}),
      ...(fixes.timestamp ? { timestamp: fixes.timestamp } : {}),
    });
  }
  if (provider === "baiwang") {
    return prepareBaiwangIssue(credentials as BaiwangCredentials & { token: string }, request, {
      ...(fixes.nonce ? { requestId: fixes.nonce } : {}),
      ...(fixes.timestamp ? { timestamp: `${fixes.timestamp}000` } : {}),
    });
  }
  const leqi = credentials as LeqiCredentials;
  const number = leqi.numbers?.[0];
  const warnings: Diagnostic[] = number
    ? []
    : [
        {
          rule: "LEQI_NO_NUMBER",
          severity: "warning",
          path: "numbers",
          message: "凭据中没有预赋码发票号码（numbers）：fphm 留空",
          messageEn: "No pre-assigned invoice number (numbers) in the credentials: fphm is left empty",
        },
      ];
  const prepared = prepareLeqiIssue(leqi, request, {
    number: number ?? "",
    ...(fixes.timestamp ? { timestamp: fixes.timestamp } : {}),
  });
  return { ok: true, value: prepared, diagnostics: warnings };
}

/** The plain request object (`convert --to PROVIDER`): what is signed or encrypted, before that happens. */
export function plainRequest(
  provider: ProviderName,
  request: IssueRequest,
  number?: string,
): Result<unknown> {
  if (provider === "nuonuo") {
    const order = toNuonuoOrder(request);
    return order.ok ? { ...order, value: { order: order.value } } : order;
  }
  if (provider === "baiwang") return toBaiwangInvoice(request);
  return {
    ok: true,
    value: [toLeqiInvoice(request, { number: number ?? "", platformNumber: "" })],
    diagnostics: [],
  };
}

/** Which provider's request a JSON document is, if any. */
export function detectProviderRequest(json: unknown): ProviderName | undefined {
  if (json === null || typeof json !== "object") return undefined;
  const record = (Array.isArray(json) ? json[0] : json) as Record<string, unknown> | undefined;
  if (!record || typeof record !== "object") return undefined;
  if (Array.isArray(record.fpmxList)) return "leqi";
  const order = record.order as Record<string, unknown> | undefined;
  if (order && Array.isArray(order.invoiceDetail)) return "nuonuo";
  const data = record.data as Record<string, unknown> | undefined;
  if (data && Array.isArray(data.invoiceDetailsList)) return "baiwang";
  return undefined;
}

/** Reads a provider request back into an issue request (canonical invoice and references). */
export function fromProviderRequest(
  provider: ProviderName,
  json: unknown,
  shortNameOf: ShortNameOf,
): Result<IssueRequest> {
  if (provider === "nuonuo") {
    return fromNuonuoOrder((json as { order: Record<string, unknown> }).order, { shortNameOf });
  }
  if (provider === "baiwang") {
    const read = fromBaiwangInvoice(json as Record<string, unknown>, {
      shortNameOf,
      issueDate: todayInShanghai(),
    });
    if (!read.ok) return read;
    const note: Diagnostic = {
      rule: "BAIWANG_NO_ISSUE_DATE",
      severity: "warning",
      path: "issueDate",
      message: "百望的开票请求不带开票日期：按今天（上海时间）填写",
      messageEn: "Baiwang's issue request carries no date: today (Shanghai) is used",
    };
    return { ...read, diagnostics: [...read.diagnostics, note] };
  }
  return fromLeqiInvoice((Array.isArray(json) ? json[0] : json) as Record<string, unknown>);
}
