/**
 * What a caller hands a provider to issue an invoice: the canonical invoice plus what the canonical
 * payload does not carry (the request key, a red invoice's references, specific-business data).
 */
import type { Invoice } from "@efapiao/model";

/** A request key: 1–40 of A–Z a–z 0–9 - _ (contracts.md §4). */
export const REQUEST_KEY_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * True for a valid request key.
 * @example
 * isRequestKey("SO-2026-0518_1") // true
 * isRequestKey("订单1")          // false
 */
export function isRequestKey(key: string): boolean {
  return REQUEST_KEY_PATTERN.test(key);
}

/** 冲红原因, as the platform codes it: 01 开票有误, 02 销货退回, 03 服务中止, 04 销售折让. */
export type RedReasonCode = "01" | "02" | "03" | "04";

/** 红字确认单状态 01–10 (domain-facts.md); providers may report more (11–13), kept as text. */
export type RedFormStateCode = string;

/** What a red (negative) invoice reverses. Lines of the red invoice's `invoice` are negative. */
export interface RedReference {
  /** 对应蓝字发票号码 (20 digits). */
  originalNumber: string;
  /** 蓝字发票开票日期 YYYY-MM-DD, when known (some providers need it). */
  originalIssueDate?: string;
  /** 红字确认单编号. */
  formNumber?: string;
  /** 红字确认单 UUID (32 characters on the platform). */
  formUuid?: string;
  reason: RedReasonCode;
  /**
   * For each line of the red invoice, in order, the 1-based index of the blue line it reverses
   * (乐企 `dylzfpmxxh`); absent when they correspond one to one.
   */
  originalLineIndexes?: number[];
}

/**
 * 特定业务: the code (01–18, domain-facts.md) and its extra fields as the provider names them, passed
 * through. Adapters translate the code (Nuonuo's specificFactor numbers differ) and keep the fields.
 */
export interface SpecificBusiness {
  code: string;
  fields?: Record<string, unknown>;
}

/** Everything a provider needs to issue one invoice. */
export interface IssueRequest {
  /** Idempotency key: Nuonuo orderNo, Baiwang serialNo; 乐企 maps it to a pre-assigned number. */
  requestKey: string;
  invoice: Invoice;
  /** Present for a red invoice. */
  red?: RedReference;
  specificBusiness?: SpecificBusiness;
}

/** Options every call accepts. */
export interface CallOptions {
  /** Cancels the call; a cancelled call ends `unknown` (it may have been taken). */
  signal?: AbortSignal;
  /** Overrides the adapter's timeout, in milliseconds. */
  timeoutMs?: number;
}
