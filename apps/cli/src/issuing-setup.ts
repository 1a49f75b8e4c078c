/**
 * What `issue`, `status` and `red` need before they act: the store (a store that cannot be opened is a
 * usage-level error, exit 2, before anything is sent) and the provider, built from a credentials file or
 * the environment. Credentials never reach the output: a bad credentials file is reported by field path.
 */
import { readFile } from "node:fs/promises";
import {
  FINAL_STATUSES,
  fromProvider,
  type IssuingProvider,
  missingNumbers,
  numberScope,
  preassignedNumbers,
  type Store,
  StoreError,
} from "@efapiao/issuing";
import { defaultStorePath, openStore, redact } from "@efapiao/issuing/node";
import { createBaiwang, readBaiwangCredentials } from "@efapiao/baiwang";
import { createLeqi, readLeqiCredentials } from "@efapiao/leqi";
import type { Result } from "@efapiao/model";
import { createNuonuo, readNuonuoCredentials } from "@efapiao/nuonuo";
import { type CliIO, resolvePath, UsageError } from "./io.js";

/** Opens the store named by --store (default: the user's data directory); refusals become exit 2. */
export async function openIssuingStore(io: CliIO, url: string | undefined): Promise<Store> {
  try {
    return await openStore(url, { env: io.env });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    throw new UsageError(
      `开票库无法使用，未发送任何请求：${error.messageZh}`,
      `The store cannot be used; nothing was sent: ${error.messageEn}`,
    );
  }
}

export interface ProviderSetup {
  provider: IssuingProvider;
  /**
   * Checks, before anything is recorded or sent, that these keys can go out (乐企: enough pre-assigned
   * numbers in the store's pool); a usage error (exit 2) otherwise.
   */
  check?(requestKeys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The provider named by --provider. `sandbox` starts an in-process sandbox (its state kept beside a SQLite
 * store, so that later `red` commands find the invoices issued earlier) and talks to it as Nuonuo.
 */
export async function providerFor(
  io: CliIO,
  values: { provider?: string; credentials?: string; store?: string },
  sellerTaxId: string | undefined,
  store?: Store,
): Promise<ProviderSetup> {
  const name = values.provider;
  if (name === undefined) {
    throw new UsageError(
      "请用 --provider 指定开票渠道（sandbox、nuonuo、baiwang、leqi）",
      "Name the provider with --provider (sandbox, nuonuo, baiwang, leqi)",
    );
  }
  if (name === "sandbox") {
    const { createSandbox } = await import("@efapiao/sandbox");
    const sandbox = await createSandbox({ store: sandboxStateFor(io, values.store) });
    const nuonuo = nuonuoProvider(sandbox.credentials("nuonuo"), sellerTaxId);
    return { provider: { ...nuonuo, name: "sandbox" }, close: () => sandbox.close() };
  }
  if (name === "leqi")
    return leqiSetup(await readCredentialsJson(io, values.credentials), sellerTaxId, store);
  if (name !== "nuonuo" && name !== "baiwang") {
    throw new UsageError(
      `未知的开票渠道 ${name}；请使用 sandbox、nuonuo、baiwang 或 leqi`,
      `Unknown provider ${name}; use sandbox, nuonuo, baiwang or leqi`,
    );
  }
  const credentials = await readCredentialsJson(io, values.credentials);
  const provider =
    name === "baiwang" ? baiwangProvider(credentials, sellerTaxId) : nuonuoProvider(credentials, sellerTaxId);
  return { provider, close: async () => {} };
}

/**
 * 乐企 issues under numbers it pre-assigns in batches (QDFPPLFM). The credentials' `numbers` batch is added
 * to the store's pool (adding a batch again adds nothing: a new batch goes in by listing it there); each
 * request key is given its number durably before the upload, and keeps it across crashes and retries.
 */
async function leqiSetup(json: unknown, sellerTaxId: string | undefined, store: Store | undefined) {
  const credentials = checked(readLeqiCredentials(json));
  if (!sellerTaxId) {
    throw new UsageError("乐企开票需要销售方税号", "Issuing through Leqi needs the seller's tax id");
  }
  if (!store) {
    throw new UsageError(
      "乐企开票需要开票库保存预赋号码",
      "Issuing through Leqi needs the store, which keeps the pre-assigned numbers",
    );
  }
  const scope = numberScope("leqi", sellerTaxId);
  await store.numbers.add(scope, credentials.numbers ?? [], Date.now());
  const state = preassignedNumbers(store.numbers, scope);
  return {
    provider: fromProvider(createLeqi({ credentials, sellerTaxId, state })),
    async check(requestKeys: readonly string[]) {
      // Keys already final are answered from the store and need no number.
      const final = new Set(
        (await store.list(requestKeys))
          .filter((r) => FINAL_STATUSES.includes(r.status))
          .map((r) => r.requestKey),
      );
      const missing = await missingNumbers(
        store.numbers,
        scope,
        requestKeys.filter((k) => !final.has(k)),
      );
      if (missing === 0) return;
      const free = await store.numbers.free(scope);
      throw new UsageError(
        `预赋号码不够：还缺 ${missing} 个（号码池中还有 ${free} 个未用），未发送任何请求；请领取新的号码批次（QDFPPLFM），列入凭据的 numbers 后重试`,
        `Not enough pre-assigned numbers: ${missing} more needed (${free} left in the pool); nothing was sent. Fetch a new batch (QDFPPLFM), list it in the credentials' numbers and run again`,
      );
    },
    close: async () => {},
  };
}

function baiwangProvider(json: unknown, sellerTaxId: string | undefined): IssuingProvider {
  const credentials = checked(readBaiwangCredentials(json));
  if (!sellerTaxId) {
    throw new UsageError("百望开票需要销售方税号", "Issuing through Baiwang needs the seller's tax id");
  }
  return fromProvider(createBaiwang({ credentials, sellerTaxId }));
}

/** Credentials read by an adapter, or a usage error naming the fields at fault (never their values). */
export function checked<T>(read: Result<T>): T {
  if (read.ok) return read.value;
  const fields = read.diagnostics.map((d) => d.path).join(", ");
  throw new UsageError(
    `凭据不完整或有误（${fields}）`,
    `The credentials are incomplete or wrong (${fields})`,
  );
}

function nuonuoProvider(json: unknown, sellerTaxId: string | undefined): IssuingProvider {
  const credentials = checked(readNuonuoCredentials(json));
  const seller = credentials.userTax ?? sellerTaxId;
  if (!seller) {
    throw new UsageError(
      "凭据中缺少 userTax（销售方税号）",
      "The credentials need userTax (the seller's tax id)",
    );
  }
  return fromProvider(createNuonuo({ credentials, sellerTaxId: seller }));
}

/** --credentials FILE, else EFAPIAO_CREDENTIALS (a path), else EFAPIAO_CREDENTIALS_JSON (the JSON text). */
export async function readCredentialsJson(io: CliIO, file: string | undefined): Promise<unknown> {
  const path = file ?? io.env.EFAPIAO_CREDENTIALS;
  let text = io.env.EFAPIAO_CREDENTIALS_JSON;
  if (path !== undefined) {
    try {
      text = await readFile(resolvePath(io, path), "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
      throw new UsageError(
        `无法读取凭据文件 ${path}（${reason}）`,
        `Cannot read the credentials file ${path} (${reason})`,
      );
    }
  }
  if (text === undefined) {
    throw new UsageError(
      "需要凭据：--credentials FILE，或环境变量 EFAPIAO_CREDENTIALS / EFAPIAO_CREDENTIALS_JSON",
      "Credentials are needed: --credentials FILE, or EFAPIAO_CREDENTIALS / EFAPIAO_CREDENTIALS_JSON",
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message may quote the file's text, secrets included: say only that it is not JSON.
    throw new UsageError("凭据不是有效的 JSON", "The credentials are not valid JSON");
  }
}

/** The in-process sandbox's state file: beside a SQLite store; in memory for PostgreSQL. */
function sandboxStateFor(io: CliIO, store: string | undefined): string {
  if (store !== undefined && (/^postgres(ql)?:/.test(store) || store === "memory:")) return "memory:";
  const path =
    store === undefined ? defaultStorePath(io.env) : resolvePath(io, store.replace(/^sqlite:/, ""));
  return `file:${path}.sandbox.json`;
}

export { redact };
