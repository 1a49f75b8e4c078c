/**
 * The font the PDF embeds: Noto Sans SC Regular (SIL Open Font License 1.1, which allows embedding), a
 * TrueType file from the @expo-google-fonts/noto-sans-sc package. pdfkit embeds only the glyphs an invoice
 * uses (a subset), so a file stays a few tens of kilobytes. The 10 MB file is read once per process.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const FONT_FILE = "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";
/** The PostScript name of the embedded font (after pdfkit's six-letter subset tag). */
export const FONT_NAME = "NotoSansSC-Regular";

let bytes: Promise<Buffer> | undefined;

/**
 * The font file's bytes, read once.
 * @example
 * (await fontBytes()).length // about 10.6 MB
 */
export function fontBytes(): Promise<Buffer> {
  bytes ??= readFile(createRequire(import.meta.url).resolve(FONT_FILE));
  return bytes;
}
