/**
 * Batch progress on a terminal: one line on stderr, rewritten in place, only when stderr is a TTY (a
 * pipe or a log file gets nothing, so JSON output stays clean to parse).
 */
import type { Progress } from "./issuer.js";

/**
 * A progress callback for {@link Issuer}, or undefined when the stream is not a terminal.
 * @example
 * new Issuer({ store, provider, onProgress: terminalProgress(process.stderr) });
 */
export function terminalProgress(
  stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr,
): ((progress: Progress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = "";
  return ({ done, total, issued }) => {
    const line = `开票 / issuing ${done}/${total} · 已开具 / issued ${issued}`;
    if (line === last) return;
    last = line;
    stream.write(`\r\x1b[2K${line}${done === total ? "\n" : ""}`);
  };
}
