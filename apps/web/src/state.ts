/**
 * The app's state in the URL hash (`#s=…`: base64url of the UTF-8 JSON), so a link shows the same input
 * and rules. A hash that cannot be read gives the default state and says why; it never breaks the page.
 */
export interface AppState {
  tab: "invoice" | "rules";
  input: string;
  rules: string;
}

const PREFIX = "#s=";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/**
 * @example
 * encodeState({ tab: "rules", input: "{}", rules: "" }) // "#s=eyJ0YWIiOiJydWxlcyIs…"
 */
export function encodeState(state: AppState): string {
  return PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(state)));
}

/** The state a hash holds, or `fallback` and a reason when it holds none or cannot be read. */
export function decodeState(hash: string, fallback: AppState): { state: AppState; problem?: string } {
  if (!hash.startsWith(PREFIX)) return { state: fallback };
  try {
    const json = JSON.parse(
      new TextDecoder("utf-8", { fatal: true }).decode(fromBase64Url(hash.slice(PREFIX.length))),
    );
    const state: AppState = {
      tab: json.tab === "rules" ? "rules" : "invoice",
      input: typeof json.input === "string" ? json.input : fallback.input,
      rules: typeof json.rules === "string" ? json.rules : fallback.rules,
    };
    return { state };
  } catch {
    return {
      state: fallback,
      problem: "链接中的状态无法读取，已显示默认内容 / The link's state cannot be read; showing the defaults",
    };
  }
}
