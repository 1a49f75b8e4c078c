/**
 * What `issue`, `status` and `red` need before they act: the store (a store that cannot be opened is a
 * usage-level error, exit 2, before anything is sent) and the provider, built from a credentials file or
 * the environment. Credentials never reach the output: a bad credentials file is reported by field path.
 */
import { readFile } from "node:fs/promises";
import { fromProvider, type IssuingProvider, type Store, StoreError } from "@efapiao/issuing";
import { defaultStorePath, openStore, redact } from "@efapiao/issuing/node";
import { createBaiwang, readBaiwangCredentials } from "@efapiao/baiwang";
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
  if (name !== "nuonuo" && name !== "baiwang") {
    // 乐企 issues under numbers it pre-assigns: which number went with which key must be kept as durably as
    // the records themselves, and the store does not keep them yet — a number lost in a crash could issue twice.
    throw new UsageError(
      `开票渠道 ${name} 需要持久保存预赋号码，开票库尚不支持；请使用 nuonuo、baiwang 或 sandbox`,
      `The ${name} provider needs its pre-assigned numbers kept durably, which the store does not do yet; use nuonuo, baiwang or sandbox`,
    );
  }
  const credentials = await readCredentialsJson(io, values.credentials);
  const provider =
    name === "baiwang" ? baiwangProvider(credentials, sellerTaxId) : nuonuoProvider(credentials, sellerTaxId);
  return { provider, close: async () => {} };
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
