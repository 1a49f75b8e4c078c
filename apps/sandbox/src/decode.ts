/**
 * Small readers shared by the protocol modules; reading a provider's request into the canonical invoice is
 * the adapters' own code (fromNuonuoOrder, …), which the sandbox imports rather than repeats.
 */
import { builtinCodeTable } from "@efapiao/tables";

/** Thrown for a field that is not what the protocol says it must be; the protocol answers with its error. */
export class BadField extends Error {
  constructor(
    readonly path: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

/** Reads a value as text, or undefined for absent / empty. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const out = typeof value === "string" ? value : String(value);
  return out === "" ? undefined : out;
}

const codes = builtinCodeTable();

/** The 简称 of a classification code in the table the sandbox validates with (the built-in list). */
export function shortNameOf(code: string): string | undefined {
  return codes.get(code)?.shortName;
}
