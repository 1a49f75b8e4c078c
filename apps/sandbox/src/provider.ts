/**
 * The sandbox as a provider of the port (`--provider sandbox`): issuing and red-letter forms go through one
 * of the real adapters (Nuonuo by default) pointed at the sandbox with its ready-made account, so the
 * protocols are exercised exactly as in production; 查验 and 用途确认 use the sandbox's own JSON routes.
 */
import { createBaiwang } from "@efapiao/baiwang";
import { createNuonuo } from "@efapiao/nuonuo";
import type {
  CallOptions,
  CallOutcome,
  Provider,
  ReceivedInvoice,
  RedLetterCapability,
  UseConfirmationCapability,
  UseConfirmationItem,
  UseConfirmationResult,
  VerifyCapability,
  VerifyResult,
} from "@efapiao/provider";
import { providerDiagnostic } from "@efapiao/provider";
import { type FetchLike, joinUrl, readJson, send } from "@efapiao/provider-utils";
import { DEFAULT_ACCOUNTS } from "./wire.js";

export interface SandboxProviderOptions {
  /** The sandbox's base URL (`sandbox.url`, or the first line `efapiao sandbox` printed). */
  url: string;
  /** This company's tax id: the seller when issuing, the buyer in 用途确认. */
  taxId: string;
  /** The protocol issuing goes through (default nuonuo). */
  protocol?: "nuonuo" | "baiwang";
  fetch?: FetchLike;
  timeoutMs?: number;
}

type SandboxProvider = Provider & {
  redLetter: RedLetterCapability;
  verification: VerifyCapability;
  useConfirmation: UseConfirmationCapability;
};

/**
 * A provider for the sandbox.
 * @example
 * const sandbox = await createSandbox();
 * const provider = createSandboxProvider({ url: sandbox.url, taxId: "91330100716105852F" });
 * await provider.issue({ requestKey: "SO-1", invoice });
 * await provider.verification.verify({ number, issueDate: "2026-05-18" });
 */
export function createSandboxProvider(options: SandboxProviderOptions): SandboxProvider {
  const transport = { ...(options.fetch ? { fetch: options.fetch } : {}), timeoutMs: options.timeoutMs };
  const issuing =
    options.protocol === "baiwang"
      ? createBaiwang({
          credentials: { ...DEFAULT_ACCOUNTS.baiwang, url: options.url },
          sellerTaxId: options.taxId,
          ...transport,
        })
      : createNuonuo({
          credentials: { ...DEFAULT_ACCOUNTS.nuonuo, url: options.url },
          sellerTaxId: options.taxId,
          ...transport,
        });

  async function post<T>(
    path: string,
    body: unknown,
    callOptions: CallOptions = {},
  ): Promise<CallOutcome<T>> {
    const result = await send(
      "sandbox",
      {
        method: "POST",
        url: joinUrl(options.url, path),
        headers: { "Content-Type": "application/json; charset=UTF-8" },
        body: JSON.stringify(body),
      },
      {
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        ...((callOptions.timeoutMs ?? options.timeoutMs)
          ? { timeoutMs: callOptions.timeoutMs ?? options.timeoutMs }
          : {}),
      },
    );
    if (!result.ok) return { status: "unknown", diagnostics: [result.diagnostic] };
    const parsed = readJson("sandbox", result.text, result.status);
    if (!parsed.ok || result.status >= 400) {
      return {
        status: "unknown",
        diagnostics: parsed.ok
          ? [
              providerDiagnostic("sandbox", "SANDBOX_HTTP_STATUS", {
                zh: `沙箱返回 HTTP ${result.status}`,
                en: `The sandbox answered HTTP ${result.status}`,
              }),
            ]
          : [parsed.diagnostic],
      };
    }
    return { status: "ok", value: parsed.value as T };
  }

  const useCall =
    (action: "confirm" | "cancel") =>
    (period: string, items: UseConfirmationItem[], callOptions?: CallOptions) =>
      post<UseConfirmationResult[]>(
        "/sandbox/use",
        { buyerTaxId: options.taxId, period, action, items },
        callOptions,
      );

  return {
    ...issuing,
    id: "sandbox",
    redLetter: issuing.redLetter,
    verification: {
      verify: (query, callOptions) => post<VerifyResult>("/sandbox/verify", query, callOptions),
    },
    useConfirmation: {
      listReceived: (filter, callOptions) =>
        post<ReceivedInvoice[]>(
          "/sandbox/received",
          { ...filter, buyerTaxId: filter.buyerTaxId },
          callOptions,
        ),
      confirmUse: useCall("confirm"),
      cancelUse: useCall("cancel"),
    },
  };
}
