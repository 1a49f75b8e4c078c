/**
 * Screenshot comparison against a checked-in reference PNG with a small pixel tolerance (pixelmatch).
 * With UPDATE_REFERENCES=1, or when the reference does not exist yet, the actual image is written as the
 * reference and the comparison fails, so that a new reference is always looked at before it is committed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

export const referenceDir = new URL("./reference/", import.meta.url).pathname;
const actualDir = new URL("../../test-results/", import.meta.url).pathname;

export interface Comparison {
  /** Differing pixels ÷ all pixels. */
  ratio: number;
  differing: number;
  /** Set when the reference was (re)written from this image. */
  written?: string;
  sizeMismatch?: string;
}

/**
 * Compares a PNG with `reference/NAME`. `threshold` is pixelmatch's per-pixel colour tolerance (0–1).
 * @example
 * const { ratio } = compareWithReference(await page.screenshot(), "seed-preview.png");
 * expect(ratio).toBeLessThan(0.005);
 */
export function compareWithReference(actual: Buffer, name: string, threshold = 0.1): Comparison {
  const referencePath = join(referenceDir, name);
  mkdirSync(actualDir, { recursive: true });
  writeFileSync(join(actualDir, name), actual);
  if (process.env.UPDATE_REFERENCES === "1" || !existsSync(referencePath)) {
    mkdirSync(dirname(referencePath), { recursive: true });
    writeFileSync(referencePath, actual);
    return { ratio: 1, differing: -1, written: referencePath };
  }
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(readFileSync(referencePath));
  if (a.width !== b.width || a.height !== b.height) {
    return {
      ratio: 1,
      differing: -1,
      sizeMismatch: `${a.width}×${a.height} vs reference ${b.width}×${b.height}`,
    };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold });
  writeFileSync(join(actualDir, name.replace(/\.png$/, ".diff.png")), PNG.sync.write(diff));
  return { ratio: differing / (a.width * a.height), differing };
}
