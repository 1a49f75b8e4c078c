/**
 * `efapiao codes …`: the classification-code table.
 *   codes show CODE [--codes FILE]                        one code: names, rates, summary or leaf, parents
 *   codes search WORDS… [--limit N] [--leaves-only] [--codes FILE]
 *   codes import FILE                                     an official xlsx/CSV (or a pack) into the cache
 *   codes update [--url URL]                              downloads the table file, then imports it
 *   codes versions                                        the packs in the cache, newest first
 * JSON goes to stdout; exit 0 ok, 1 not found / rejected, 2 usage.
 */
import { resolve } from "node:path";
import {
  type CodeEntry,
  type CodeTable,
  describeTable,
  knownRenames,
  normalizeCode,
  parentChain,
  policyFlag,
  searchCodes,
} from "@efapiao/tables";
import { codeCacheDir, largerCachedPack, listCachedPacks, saveCodePack } from "@efapiao/tables/node";
import { readCodeTableBytes } from "@efapiao/tables-import";
import { listProblems, loadCodeTable } from "../code-table.js";
import type { RunOf } from "../command.js";
import { type CliIO, EXIT, printJson, readInputBytes, UsageError } from "../io.js";
import type {
  codesImportSpec,
  codesSearchSpec,
  codesShowSpec,
  codesUpdateSpec,
  codesVersionsSpec,
} from "../specs/codes.js";

/**
 * Where `codes update` downloads from unless told otherwise (--url, or EFAPIAO_CODES_URL). The STA publishes
 * the table inside its invoicing software rather than at a stable public address, so the default is the
 * newest public copy of the official export known (v32.0, 2019-04-01; see shared/data/SOURCE.md), pinned
 * to a commit so that the bytes cannot change under us. Point it at a newer official file when you have one.
 */
export const DEFAULT_CODES_URL =
  "https://raw.githubusercontent.com/fdstar/TaxClassificationCodeCHS/96b7f0ed05997ed1cbb75c4bcb4657b7af95798a/doc/2019%E5%B9%B44%E6%9C%88%E7%A8%8E%E6%94%B6%E5%88%86%E7%B1%BB%E7%BC%96%E7%A0%81Excel%E7%89%88.xlsx";

/** A table file is about 1 MB; anything far larger is not one. */
const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 120_000;

export const show: RunOf<typeof codesShowSpec> = async ({ values, positionals, io }) => {
  if (positionals.length !== 1) {
    throw new UsageError("codes show 需要一个编码", "codes show takes one CODE");
  }
  const code = normalizeCode(positionals[0]!);
  if (code === undefined) {
    throw new UsageError(
      `编码应为最多 19 位数字，收到 “${positionals[0]}”`,
      `A code is up to 19 digits, got "${positionals[0]}"`,
    );
  }
  const table = await loadCodeTable(io, values.codes);
  const entry = table.get(code);
  if (entry === undefined) return notInTable(io, table, code);
  printJson(io, {
    ...describeEntry(entry),
    usable: !entry.summary && entry.available !== false,
    specialManagement: entry.specialManagement,
    policyFlags: (entry.policyFlags ?? []).map((flag) => policyFlag(flag) ?? { code: flag }),
    description: entry.description,
    keywords: entry.keywords,
    parents: parentChain(table, code).map((parent) => ({
      code: parent.code,
      name: parent.name,
      shortName: parent.shortName,
    })),
    renames: knownRenames.filter((rename) => rename.code === code),
    official: entry.official,
    table: tableInfo(table),
  });
  return EXIT.ok;
};

function notInTable(io: CliIO, table: CodeTable, code: string): number {
  const where = describeTable(table);
  const message = `税收分类编码 ${code} 不在${where.zh}中`;
  const messageEn = `Classification code ${code} is not in ${where.en}`;
  io.stderr(`${message}\n${messageEn}\n`);
  printJson(io, {
    found: false,
    code,
    table: tableInfo(table),
    diagnostics: [{ rule: "CODES_UNKNOWN_CODE", severity: "error", path: "", message, messageEn }],
  });
  return EXIT.rejected;
}

export const search: RunOf<typeof codesSearchSpec> = async ({ values, positionals, io }) => {
  const query = positionals.join(" ").trim();
  if (query === "") throw new UsageError("codes search 需要搜索词", "codes search takes WORDS to search for");
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(
      `--limit 应为正整数，收到 “${values.limit}”`,
      `--limit must be a positive integer, got "${values.limit}"`,
    );
  }
  const table = await loadCodeTable(io, values.codes);
  const result = searchCodes(table, query, { limit, leavesOnly: values["leaves-only"] });
  printJson(io, {
    query,
    terms: result.terms,
    fuzzy: result.fuzzy,
    total: result.total,
    table: tableInfo(table),
    results: result.hits.map((hit) => ({
      ...describeEntry(hit.entry),
      score: hit.score,
      matchedIn: hit.matchedIn,
    })),
  });
  if (result.total === 0) {
    const where = describeTable(table);
    io.stderr(`在${where.zh}中没有找到 “${query}”\nNothing matches "${query}" in ${where.en}\n`);
    return EXIT.rejected;
  }
  return EXIT.ok;
};

export const importTable: RunOf<typeof codesImportSpec> = async ({ positionals, io }) => {
  if (positionals.length !== 1) {
    throw new UsageError(
      "codes import 需要一个编码表文件（xlsx 或 CSV）",
      "codes import takes one table FILE (xlsx or CSV)",
    );
  }
  const file = positionals[0]!;
  const bytes = await readInputBytes(io, file);
  return importBytes(io, bytes, file === "-" ? "stdin" : resolve(io.cwd, file), {});
};

export const update: RunOf<typeof codesUpdateSpec> = async ({ values, positionals, io }) => {
  if (positionals.length > 0)
    throw new UsageError("codes update 不接受文件参数", "codes update takes no FILE");
  const url = values.url ?? (io.env.EFAPIAO_CODES_URL || DEFAULT_CODES_URL);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`无效的网址 “${url}”`, `Invalid URL "${url}"`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new UsageError(
      `只支持 http(s) 网址，收到 “${url}”`,
      `Only http(s) URLs are supported, got "${url}"`,
    );
  }
  io.stderr(`efapiao: 正在下载 / downloading ${url}\n`);
  const downloaded = await download(parsed);
  if (!downloaded.ok) {
    io.stderr(`${downloaded.message}\n${downloaded.messageEn}\n`);
    printJson(io, {
      imported: false,
      url,
      diagnostics: [{ rule: "CODES_DOWNLOAD_FAILED", severity: "error", path: "", ...downloaded }],
    });
    return EXIT.rejected;
  }
  return importBytes(io, downloaded.bytes, decodeURIComponent(parsed.pathname.split("/").pop() || url), {
    url,
  });
};

async function download(
  url: URL,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string; messageEn: string }> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
      redirect: "follow",
    });
    if (!response.ok) {
      return {
        ok: false,
        message: `下载失败：HTTP ${response.status} ${response.statusText}`,
        messageEn: `Download failed: HTTP ${response.status} ${response.statusText}`,
      };
    }
    // Read chunk by chunk so that a wrong URL serving something huge is stopped at the limit.
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > MAX_DOWNLOAD_BYTES) return tooLarge();
      chunks.push(chunk);
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (error) {
    const reason = (error as Error).cause ? String((error as Error).cause) : (error as Error).message;
    return { ok: false, message: `下载失败：${reason}`, messageEn: `Download failed: ${reason}` };
  }
}

function tooLarge(): { ok: false; message: string; messageEn: string } {
  const limit = `${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB`;
  return {
    ok: false,
    message: `下载的文件超过 ${limit}，不是编码表`,
    messageEn: `The download exceeds ${limit}; not a code table`,
  };
}

/** Reads a table file's bytes, and on success writes its pack into the cache. Shared by import and update. */
async function importBytes(
  io: CliIO,
  bytes: Uint8Array,
  file: string,
  extra: { url?: string },
): Promise<number> {
  const result = await readCodeTableBytes(bytes, file);
  if (!result.ok) {
    const { zh, en } = listProblems(result.diagnostics);
    io.stderr(`编码表 ${file} 未导入：\n${zh}\nThe table ${file} was not imported:\n${en}\n`);
    printJson(io, { imported: false, file, ...extra, diagnostics: result.diagnostics });
    return EXIT.rejected;
  }
  // A shorter table never replaces a complete one of the same version (a file cut short, or edited).
  const larger = await largerCachedPack(codeCacheDir(io.env), result.pack);
  if (larger) {
    const diagnostic = {
      rule: "CODES_SMALLER_THAN_CACHED",
      severity: "error" as const,
      path: "",
      message: `缓存中的 ${larger.version} 版编码表有 ${larger.rows} 行，这个文件只有 ${result.pack.rows} 行：文件可能不完整，已保留缓存中的编码表`,
      messageEn: `The cached table of version ${larger.version} has ${larger.rows} rows and this file only ${result.pack.rows}: the file may be incomplete, so the cached table was kept`,
    };
    io.stderr(`${diagnostic.message}\n${diagnostic.messageEn}\n`);
    printJson(io, { imported: false, file, ...extra, diagnostics: [diagnostic] });
    return EXIT.rejected;
  }
  const path = await saveCodePack(codeCacheDir(io.env), result.pack);
  const entries = [...result.table.entries()];
  const summaryRows = entries.filter((entry) => entry.summary).length;
  printJson(io, {
    imported: true,
    file,
    ...extra,
    kind: result.kind,
    version: result.pack.version,
    startDate: result.pack.startDate,
    transitionEnd: result.pack.transitionEnd,
    sha256: result.pack.source.sha256,
    rows: entries.length,
    summaryRows,
    leafRows: entries.length - summaryRows,
    shortNames: new Set(entries.map((entry) => entry.shortName)).size,
    pack: path,
    warnings: result.warnings,
  });
  io.stderr(
    `efapiao: 已导入编码表 ${result.pack.version}（${entries.length} 行）/ imported code table ${result.pack.version} (${entries.length} rows) → ${path}\n`,
  );
  return EXIT.ok;
}

export const versions: RunOf<typeof codesVersionsSpec> = async ({ positionals, io }) => {
  if (positionals.length > 0)
    throw new UsageError("codes versions 不接受参数", "codes versions takes no arguments");
  const cacheDir = codeCacheDir(io.env);
  const packs = await listCachedPacks(cacheDir);
  printJson(io, { cache: cacheDir, versions: packs.map((pack, i) => ({ ...pack, newest: i === 0 })) });
  return EXIT.ok;
};

/** The fields of an entry that both show and search print. */
function describeEntry(entry: CodeEntry) {
  return {
    code: entry.code,
    name: entry.name,
    shortName: entry.shortName,
    rates: entry.rates,
    rateText: entry.rateText,
    summary: entry.summary,
  };
}

function tableInfo(table: CodeTable) {
  return { version: table.version, startDate: table.startDate, source: table.source };
}
