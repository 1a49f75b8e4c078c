/**
 * `efapiao payload FILE --provider leqi|nuonuo|baiwang --credentials CRED.json [--request-key K] [--nonce N] [--timestamp T]`
 * (contracts.md §4): the issue request exactly as it would be sent — URL, headers, the exact body (for 乐企
 * the base64 SM4 ciphertext) and the plain object — without sending it. Exit 0; 1 input rejected (the
 * diagnostics JSON on stdout); 2 usage or bad credentials (naming the field, never echoing a value).
 */
import { isRequestKey } from "@efapiao/provider";
import type { RunOf } from "../command.js";
import { type CliIO, EXIT, printJson, readInput, UsageError } from "../io.js";
import { preparePayload, readProviderCredentials, requestKeyOf } from "../providers.js";
import type { payloadSpec } from "../specs/payload.js";
import { readDocument } from "./convert.js";

export const payload: RunOf<typeof payloadSpec> = async ({ values, positionals, io }) => {
  if (positionals.length !== 1) {
    throw new UsageError(
      "payload 需要一个输入文件（或 - 表示标准输入）",
      "payload takes one input FILE (or - for stdin)",
    );
  }
  const provider = values.provider;
  if (provider === undefined)
    throw new UsageError(
      "payload 需要 --provider leqi|nuonuo|baiwang",
      "payload needs --provider leqi|nuonuo|baiwang",
    );
  if (values.credentials === undefined) {
    throw new UsageError("payload 需要 --credentials CRED.json", "payload needs --credentials CRED.json");
  }
  const requestKeyOption = values["request-key"];
  if (requestKeyOption !== undefined && !isRequestKey(requestKeyOption)) {
    throw new UsageError(
      "--request-key 应为 1 到 40 个字母、数字、- 或 _",
      "--request-key is 1 to 40 letters, digits, - or _",
    );
  }
  if (values.timestamp !== undefined && !/^\d{1,12}$/.test(values.timestamp)) {
    throw new UsageError("--timestamp 应为 Unix 秒数", "--timestamp is a count of Unix seconds");
  }
  const credentials = await readCredentialsFile(io, provider, values.credentials);

  const text = await readInput(io, positionals[0]!);
  const read = await readDocument(io, text, { codes: values.codes, words: values.words, command: "payload" });
  if (!read.ok) {
    printJson(io, { valid: false, diagnostics: read.diagnostics });
    return EXIT.rejected;
  }
  const invoice = read.value.invoice;
  const requestKey = requestKeyOption ?? requestKeyOf(text, invoice);
  const prepared = preparePayload(
    provider,
    credentials,
    { requestKey, invoice },
    {
      ...(values.nonce !== undefined ? { nonce: values.nonce } : {}),
      ...(values.timestamp !== undefined ? { timestamp: values.timestamp } : {}),
    },
  );
  if (!prepared.ok) {
    printJson(io, { valid: false, diagnostics: prepared.diagnostics });
    return EXIT.rejected;
  }
  for (const d of [...read.diagnostics, ...prepared.diagnostics]) {
    io.stderr(`efapiao payload: ${d.severity} ${d.rule} ${d.path}: ${d.message} / ${d.messageEn}\n`);
  }
  const { provider: name, service, method, url, headers, body, plain } = prepared.value;
  printJson(io, { provider: name, service, method, url, headers, body, plain });
  return EXIT.ok;
};

/** Reads and checks the credentials file: unreadable, not JSON or missing a field is a usage error (exit 2). */
async function readCredentialsFile(
  io: CliIO,
  provider: "leqi" | "nuonuo" | "baiwang",
  file: string,
): Promise<unknown> {
  const text = await readInput(io, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(
      `凭据文件 ${file} 不是有效的 JSON`,
      `The credentials file ${file} is not valid JSON`,
    );
  }
  const read = readProviderCredentials(provider, json);
  if (!read.ok) {
    const lines = read.diagnostics.map((d) => `  ${d.path}: ${d.message} / ${d.messageEn}`).join("\n");
    throw new UsageError(
      `凭据文件 ${file} 有误：\n${lines}`,
      `The credentials file ${file} is not usable:\n${lines}`,
    );
  }
  return read.value;
}
