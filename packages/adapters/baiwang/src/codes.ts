/**
 * 百望 answer codes: `errorResponse.code` (with subCode / subMessage) or a `fail` entry. Only 100007 (bad
 * signature) is published in the material efapiao has (providers.md); every other code is kept raw.
 */
import { type CodeTable, meaning } from "@efapiao/provider-utils";

export const BAIWANG_CODES: CodeTable = {
  "100007": meaning(
    "credentials",
    false,
    "百望：签名错误（检查 appSecret 以及签名的参数和报文）",
    "Baiwang: bad signature (check the appSecret and the signed parameters and body)",
  ),
};
