/**
 * 乐企 result codes: `Response.Error.Code` for the gateway, `code` inside a decrypted answer for the
 * service. The published ones (leqi-hzqrdqr-confirm.fields.txt) are mapped; every other code is kept raw.
 */
import { type CodeTable, meaning } from "@efapiao/provider-utils";

export const LEQI_SUCCESS = ["0", "00", "000", "200"] as const;

export const LEQI_CODES: CodeTable = {
  "3003": meaning("refused", false, "乐企：处理失败", "Leqi: the request failed"),
  "31022": meaning(
    "refused",
    true,
    "乐企：本地未能查询到纳税人风险信息，请先查询纳税人风险信息（CXNSRFXXX）",
    "Leqi: no taxpayer risk information locally; query it first (CXNSRFXXX)",
  ),
  "31120": meaning(
    "refused",
    false,
    "乐企：纳税人风险信息为高风险，禁止确认数电红字确认单",
    "Leqi: the taxpayer is high-risk and may not confirm red-letter forms",
  ),
  "31121": meaning(
    "refused",
    false,
    "乐企：纳税人预警级别为红色预警",
    "Leqi: the taxpayer is under a red warning",
  ),
};
