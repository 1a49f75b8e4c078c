/**
 * The HTTP exchange as the protocol modules see it: a request with its exact body text (signatures are
 * computed over it), and an answer, possibly with a transport fault the server applies after the platform
 * has acted (contracts.md §4, `--faults`).
 */
import type { FaultKind } from "./faults.js";
import type { IssueInput, IssueResult, Platform } from "./platform.js";

export interface WireRequest {
  method: string;
  /** The path without the query. */
  path: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body exactly as received ("" when none). */
  body: string;
}

/** What the server sends; `fault` is applied on the way out. */
export interface WireAnswer {
  status: number;
  contentType: string;
  body: string;
  /** `reset`: drop the connection; `timeout`: hold the answer until the client gives up; `slow`: answer late. */
  fault?: "reset" | "timeout" | "slow";
}

/** What a protocol module gets from the server. */
export interface ProtocolContext {
  platform: Platform;
  credentials: CredentialRegistry;
  /** Draws the fault for one issuing request (or none). */
  drawFault(): FaultKind | undefined;
  /** The registered name of a seller, for protocols whose requests carry none (Nuonuo). */
  sellerName(taxId: string): string | undefined;
}

/** A JSON answer. */
export function json(body: unknown, status = 200): WireAnswer {
  return { status, contentType: "application/json; charset=utf-8", body: JSON.stringify(body) };
}

/** The page a gateway shows for a server error: what a `5xx` fault answers, without issuing anything. */
export function serverError(): WireAnswer {
  return {
    status: 500,
    contentType: "text/html; charset=utf-8",
    body: "<html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1></body></html>",
  };
}

/** How a protocol answers each kind of issuing result. */
export interface IssueAnswers {
  issued(record: Extract<IssueResult, { kind: "issued" }>["record"]): WireAnswer;
  duplicate(record: Extract<IssueResult, { kind: "duplicate" }>["record"]): WireAnswer;
  refused(result: Extract<IssueResult, { kind: "refused" }>): WireAnswer;
}

/**
 * Issues through the platform with a fault drawn for the request: `5xx` answers before issuing; `seal`
 * issues with a failed seal (where the protocol can re-seal); `duplicate` issues and then answers as if the key had been used; `reset`,
 * `timeout` and `slow` issue and mark the answer for the server.
 */
export function issueWithFaults(
  ctx: ProtocolContext,
  input: IssueInput,
  answers: IssueAnswers,
  /** False for protocols with no re-seal call (百望, 乐企): their platform re-seals by itself. */
  sealable = true,
): WireAnswer {
  const drawn = ctx.drawFault();
  const fault = drawn === "seal" && !sealable ? undefined : drawn;
  if (fault === "5xx") return serverError();
  const result = ctx.platform.issue(fault === "seal" ? { ...input, sealFault: true } : input);
  let answer: WireAnswer;
  if (result.kind === "refused") answer = answers.refused(result);
  else if (result.kind === "duplicate" || fault === "duplicate") answer = answers.duplicate(result.record);
  else answer = answers.issued(result.record);
  if (fault === "reset" || fault === "timeout" || fault === "slow") answer.fault = fault;
  return answer;
}

/** Credentials of one provider account the sandbox knows (a secret is needed to check a signature). */
export interface NuonuoAccount {
  appKey: string;
  appSecret: string;
  accessToken: string;
}
export interface BaiwangAccount {
  appKey: string;
  appSecret: string;
  token: string;
}
export interface LeqiAccount {
  /** 32 hex digits. */
  sm4Key: string;
  jrdwptbh: string;
  sydwptbh: string;
  nlbm: string;
}

/**
 * The accounts the sandbox accepts. Any credentials work once registered (options, `--credentials`,
 * `POST /sandbox/credentials`); a ready-made account per provider is always there.
 */
export class CredentialRegistry {
  readonly nuonuo = new Map<string, NuonuoAccount>();
  readonly baiwang = new Map<string, BaiwangAccount>();
  readonly leqi = new Map<string, LeqiAccount>();

  add(provider: "nuonuo", account: NuonuoAccount): void;
  add(provider: "baiwang", account: BaiwangAccount): void;
  add(provider: "leqi", account: LeqiAccount): void;
  add(provider: "nuonuo" | "baiwang" | "leqi", account: NuonuoAccount | BaiwangAccount | LeqiAccount): void {
    if (provider === "nuonuo") this.nuonuo.set((account as NuonuoAccount).appKey, account as NuonuoAccount);
    else if (provider === "baiwang")
      this.baiwang.set((account as BaiwangAccount).appKey, account as BaiwangAccount);
    else this.leqi.set((account as LeqiAccount).jrdwptbh, account as LeqiAccount);
  }
}

/** The ready-made accounts (public test values: they protect nothing). */
export const DEFAULT_ACCOUNTS = {
  nuonuo: {
    appKey: "SANDBOX-NUONUO",
    appSecret: "sandbox-nuonuo-secret",
    accessToken: "sandbox-nuonuo-token",
  },
  baiwang: { appKey: "SANDBOX-BAIWANG", appSecret: "sandbox-baiwang-secret", token: "sandbox-baiwang-token" },
  leqi: {
    sm4Key: "0123456789abcdeffedcba9876543210",
    jrdwptbh: "SANDBOXJRDW",
    sydwptbh: "SANDBOXSYDW",
    nlbm: "SANDBOXNL",
  },
} as const satisfies { nuonuo: NuonuoAccount; baiwang: BaiwangAccount; leqi: LeqiAccount };
