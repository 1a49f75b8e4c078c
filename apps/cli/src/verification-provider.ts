/**
 * The provider whose 查验 capability `verify` and `intake --provider` use, and whose 用途确认 capability
 * `use` uses: the sandbox at --url (a running `efapiao sandbox`), or Nuonuo, Baiwang or 乐企 with the
 * credentials of --credentials FILE (else EFAPIAO_CREDENTIALS / EFAPIAO_CREDENTIALS_JSON), read and
 * checked exactly as issuing reads them.
 */
import type { UseConfirmationCapability, VerifyCapability } from "@efapiao/provider";
import type { CliIO } from "./io.js";
import { UsageError } from "./io.js";
import { CREDENTIALS_OPTION } from "./specs/issuing-options.js";

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
  credentials: CREDENTIALS_OPTION,
} as const;

type Values = { provider?: string; url?: string; "tax-id"?: string; credentials?: string };

/** The environment and working directory of the process, for callers that pass no CliIO. */
function processIo(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => "",
    env: process.env,
    cwd: process.cwd(),
  };
}

type Capabilities = { verification: VerifyCapability; useConfirmation: UseConfirmationCapability };

/** The named provider's buyer-side capabilities (the company is the buyer: --tax-id, else the credentials'). */
async function capabilitiesOf(values: Values, io: CliIO): Promise<Capabilities> {
  const name = values.provider;
  if (name === undefined) {
    throw new UsageError("请用 --provider 指定查验渠道", "Name the provider to ask with --provider");
  }
  if (name === "sandbox") {
    if (values.url === undefined) {
      throw new UsageError(
        "sandbox 需要 --url（efapiao sandbox 启动时打印的地址）",
        "The sandbox needs --url (the address efapiao sandbox prints when it starts)",
      );
    }
    const { createSandboxProvider } = await import("@efapiao/sandbox");
    return createSandboxProvider({ url: values.url, taxId: values["tax-id"] ?? "" });
  }
  // Loaded only now: the command specs import this module for its options, and must stay light.
  const { checked, readCredentialsJson } = await import("./issuing-setup.js");
  const json = await readCredentialsJson(io, values.credentials);
  // --url points any provider elsewhere (a test host, a sandbox speaking its protocol).
  const withUrl = <T extends object>(credentials: T): T =>
    values.url === undefined ? credentials : { ...credentials, url: values.url };
  if (name === "nuonuo") {
    const { createNuonuo, readNuonuoCredentials } = await import("@efapiao/nuonuo");
    const credentials = withUrl(checked(readNuonuoCredentials(json)));
    const taxId = taxIdOf(values, credentials.userTax);
    return createNuonuo({ credentials, sellerTaxId: taxId });
  }
  if (name === "baiwang") {
    const { createBaiwang, readBaiwangCredentials } = await import("@efapiao/baiwang");
    const credentials = withUrl(checked(readBaiwangCredentials(json)));
    return createBaiwang({ credentials, sellerTaxId: taxIdOf(values) });
  }
  if (name === "leqi") {
    const { createLeqi, memoryLeqiState, readLeqiCredentials } = await import("@efapiao/leqi");
    const credentials = withUrl(checked(readLeqiCredentials(json)));
    // 查验 and 用途确认 use no pre-assigned numbers: the state is never asked.
    return createLeqi({ credentials, sellerTaxId: taxIdOf(values), state: memoryLeqiState([]) });
  }
  throw new UsageError(`未知的查验渠道 ${name}`, `Unknown provider ${name}`);
}

function taxIdOf(values: Values, fallback?: string): string {
  const taxId = values["tax-id"] ?? fallback;
  if (taxId === undefined) {
    throw new UsageError(
      "需要 --tax-id（本企业税号）：查验与用途确认以受票方的名义进行",
      "--tax-id (this company's tax id) is needed: 查验 and 用途确认 act for the buyer",
    );
  }
  return taxId;
}

/**
 * The provider's 查验 capability.
 * @example
 * const capability = await verificationOf({ provider: "leqi", credentials: "leqi.json", "tax-id": "914403001922038216" }, io);
 */
export async function verificationOf(values: Values, io: CliIO = processIo()): Promise<VerifyCapability> {
  return (await capabilitiesOf(values, io)).verification;
}

/** The provider's 用途确认 capability, for the buyer --tax-id (required: the platform lists by buyer). */
export async function useConfirmationOf(
  values: Values,
  io: CliIO = processIo(),
): Promise<UseConfirmationCapability> {
  if (values["tax-id"] === undefined) {
    throw new UsageError(
      "用途确认需要 --tax-id（本企业税号）",
      "Use confirmation needs --tax-id (this company's tax id)",
    );
  }
  return (await capabilitiesOf(values, io)).useConfirmation;
}
