/**
 * Fault injection (contracts.md §4, `--faults`): each issuing request (and each 用途确认 request,
 * `/sandbox/use`) draws at most one fault, with the probabilities given, from a seedable random source.
 *
 * - `timeout`: issues, then answers only after the client has given up (the answer is held back);
 * - `reset`: issues, then drops the connection without an answer;
 * - `5xx`: answers HTTP 500 without issuing;
 * - `seal`: issues, but the seal fails: the invoice needs re-sealing (never re-issuing);
 * - `slow`: answers normally after two seconds;
 * - `duplicate`: issues, then answers as if the request key had been used before — what a real provider
 *   says to a retry whose first answer was lost.
 */
import type { Random } from "./random.js";

export const FAULT_KINDS = ["timeout", "reset", "5xx", "seal", "slow", "duplicate"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Probability (0–1) of each fault per issuing request; together at most 1. */
export type FaultSpec = Partial<Record<FaultKind, number>>;

/** A `--faults` text that cannot be read; the message comes in Chinese and English. */
export class FaultSpecError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = "FaultSpecError";
  }
}

const PROBABILITY = /^(?:0|1|0?\.\d+|1\.0*)$/;

/**
 * Reads `name=probability` pairs, comma-separated.
 * @example
 * parseFaults("timeout=0.1,5xx=0.05") // { timeout: 0.1, "5xx": 0.05 }
 * parseFaults("")                     // {}
 */
export function parseFaults(text: string): FaultSpec {
  const spec: FaultSpec = {};
  let sum = 0;
  for (const raw of text.split(",")) {
    const pair = raw.trim();
    if (pair === "") continue;
    const [name, value, extra] = pair.split("=").map((part) => part.trim());
    if (value === undefined || extra !== undefined) {
      throw new FaultSpecError(
        `故障设置 “${pair}” 应写作 名称=概率（例如 timeout=0.1）`,
        `The fault setting "${pair}" must be name=probability (e.g. timeout=0.1)`,
      );
    }
    if (!(FAULT_KINDS as readonly string[]).includes(name!)) {
      throw new FaultSpecError(
        `未知的故障 “${name}”，可用：${FAULT_KINDS.join(", ")}`,
        `Unknown fault "${name}"; known faults: ${FAULT_KINDS.join(", ")}`,
      );
    }
    if (!PROBABILITY.test(value)) {
      throw new FaultSpecError(
        `故障 ${name} 的概率 “${value}” 应为 0 到 1 之间的小数`,
        `The probability "${value}" of fault ${name} must be a decimal between 0 and 1`,
      );
    }
    if (spec[name as FaultKind] !== undefined) {
      throw new FaultSpecError(`故障 ${name} 重复设置`, `Fault ${name} is given twice`);
    }
    spec[name as FaultKind] = Number(value);
    sum += Number(value);
  }
  // Compared in thousandths so that 0.1+0.2+… sums do not trip over binary fractions.
  if (Math.round(sum * 1e6) > 1e6) {
    throw new FaultSpecError(
      `各故障概率之和为 ${sum}，不能超过 1（每个请求至多发生一种故障）`,
      `The fault probabilities add up to ${sum}, more than 1 (each request suffers at most one fault)`,
    );
  }
  return spec;
}

/**
 * Draws the fault for one request: one random number against the cumulative probabilities in
 * {@link FAULT_KINDS} order, or `undefined` for a clean answer.
 */
export function drawFault(spec: FaultSpec, random: Random): FaultKind | undefined {
  const roll = random();
  let bound = 0;
  for (const kind of FAULT_KINDS) {
    const p = spec[kind];
    if (!p) continue;
    bound += p;
    if (roll < bound) return kind;
  }
  return undefined;
}
