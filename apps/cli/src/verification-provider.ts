/**
 * The provider whose 查验 capability `verify` and `intake --provider` use, and whose 用途确认 capability
 * `use` uses. The sandbox is reached at --url
 * (a running `efapiao sandbox`); the provider adapters do not offer 查验 yet, and say so (exit 2).
 */
import type { UseConfirmationCapability, VerifyCapability } from "@efapiao/provider";
import { UsageError } from "./io.js";

export const VERIFICATION_OPTIONS = {
  provider: {
    type: "string",
    choices: ["sandbox", "nuonuo", "baiwang", "leqi"],
    help: { zh: "查验渠道", en: "the provider to ask (查验)" },
  },
  url: {
    type: "string",
    value: "URL",
    help: {
      zh: "渠道地址（sandbox：efapiao sandbox 打印的地址）",
      en: "the provider's address (sandbox: the URL efapiao sandbox prints)",
    },
  },
  "tax-id": {
    type: "string",
    value: "ID",
    help: { zh: "本企业（受票方）税号", en: "this company's (the buyer's) tax id" },
  },
} as const;

/** The provider's 查验 capability. The sandbox is reached at --url; the adapters do not offer 查验 yet. */
export async function verificationOf(values: {
  provider?: string;
  url?: string;
  "tax-id"?: string;
}): Promise<VerifyCapability> {
  if (values.provider === undefined) {
    throw new UsageError("请用 --provider 指定查验渠道", "Name the provider to ask with --provider");
  }
  if (values.provider !== "sandbox") {
    throw new UsageError(
      `渠道 ${values.provider} 的适配器尚未提供查验；请使用 sandbox`,
      `The ${values.provider} adapter does not offer 查验 yet; use sandbox`,
    );
  }
  if (values.url === undefined) {
    throw new UsageError(
      "sandbox 需要 --url（efapiao sandbox 启动时打印的地址）",
      "The sandbox needs --url (the address efapiao sandbox prints when it starts)",
    );
  }
  const { createSandboxProvider } = await import("@efapiao/sandbox");
  return createSandboxProvider({ url: values.url, taxId: values["tax-id"] ?? "" }).verification;
}

/** The provider's 用途确认 capability, for the buyer --tax-id (required: the platform lists by buyer). */
export async function useConfirmationOf(values: {
  provider?: string;
  url?: string;
  "tax-id"?: string;
}): Promise<UseConfirmationCapability> {
  if (values["tax-id"] === undefined) {
    throw new UsageError(
      "用途确认需要 --tax-id（本企业税号）",
      "Use confirmation needs --tax-id (this company's tax id)",
    );
  }
  await verificationOf(values); // the same checks of --provider and --url
  const { createSandboxProvider } = await import("@efapiao/sandbox");
  return createSandboxProvider({ url: values.url!, taxId: values["tax-id"] }).useConfirmation;
}
