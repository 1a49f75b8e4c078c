/**
 * 乐企 against its published field lists (read in place): every QDFPSC field present and mapped, the
 * red-form confirmation body as documented, answers parsed to outcomes.
 */
import { readFileSync } from "node:fs";
import type { Invoice } from "@efapiao/model";
import { stringifyJson } from "@efapiao/provider-utils";
import { describe, expect, it } from "vitest";
import {
  buildLeqiAnswer,
  buildLeqiError,
  issueAnswer,
  openLeqiAnswer,
  redFormsAnswer,
  resultAnswer,
} from "./answers.js";
import { createLeqi, memoryLeqiState, prepareLeqiIssue } from "./client.js";
import { fromLeqiInvoice, toLeqiInvoice } from "./invoice.js";
import { sm4Decrypt, sm4Encrypt } from "./sm4.js";

const samples = new URL("../../../../../shared/samples/providers/", import.meta.url);
const text = (name: string) => readFileSync(new URL(name, samples), "utf8");
const KEY = "0123456789abcdeffedcba9876543210";

/**
 * Field names of a section of leqi-QDFPSC.fields.txt: the ASCII identifiers that start a field, not words
 * inside a gloss ("(from 预赋码 …)", "红字确认单uuid").
 */
function fieldsOf(section: string): string[] {
  const names = [...section.matchAll(/(?<![\p{Script=Han}A-Za-z(])([a-z][A-Za-z]+)(?![A-Za-z])/gu)].map(
    (m) => m[1]!,
  );
  return [...new Set(names)]; // the gloss of hwhyslwfwmc names spfwjc and xmmc again
}
const fieldList = text("leqi-QDFPSC.fields.txt");
const invoiceSection = fieldList.slice(fieldList.indexOf("invoice:") + 8, fieldList.indexOf("fpmxList[]:"));
const lineSection = fieldList.slice(fieldList.indexOf("fpmxList[]:") + 11, fieldList.indexOf("fjysList[]:"));

const invoice: Invoice = {
  kind: "special",
  kindCode: "01",
  issueDate: "2026-05-18",
  seller: {
    name: "上海示例科技有限公司",
    taxId: "91310115MA1K3XYZ7A",
    address: "上海市浦东新区",
    phone: "021-12345678",
    bankName: "招商银行上海分行",
    bankAccount: "121900000010201",
  },
  buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1B", naturalPerson: false },
  lines: [
    {
      index: 1,
      nature: "discounted",
      itemName: "*信息技术服务*软件开发",
      name: "软件开发",
      shortName: "信息技术服务",
      code: "3040201010000000000",
      spec: "V2",
      unit: "项",
      quantity: "1",
      unitPrice: "100000",
      amount: "100000.00",
      taxRate: "0.06",
      tax: "6000.00",
      policy: null,
    },
    {
      index: 2,
      nature: "discount",
      itemName: "*信息技术服务*软件开发",
      name: "软件开发",
      shortName: "信息技术服务",
      code: "3040201010000000000",
      amount: "-500.00",
      taxRate: "0.06",
      tax: "-30.00",
      policy: null,
    },
  ],
  totals: { amount: "99500.00", tax: "5970.00", total: "105470.00", totalInWords: "壹拾万伍仟肆佰柒拾圆整" },
  remarks: "合同号 HT-2026-0518",
  drawer: "张伟",
};

describe("QDFPSC (leqi-QDFPSC.fields.txt)", () => {
  const built = toLeqiInvoice(
    { requestKey: "SO-1", invoice },
    { number: "26312000000012345678", platformNumber: "P0001", time: "10:21:07" },
  );
  it("carries exactly the published invoice and line fields", () => {
    const listed = fieldsOf(invoiceSection);
    expect(listed).toContain("fphm");
    expect(listed).toContain("qyDm");
    expect(
      Object.keys(built)
        .filter((k) => k !== "fpmxList")
        .sort(),
    ).toEqual([...listed].sort());
    expect(Object.keys(built.fpmxList[0]!).sort()).toEqual([...fieldsOf(lineSection)].sort());
  });
  it("maps each canonical field to its 乐企 name and code", () => {
    const wire = JSON.parse(stringifyJson(built));
    expect(wire).toMatchObject({
      fphm: "26312000000012345678",
      lzfpbz: "0",
      ptbh: "P0001",
      fppz: "01",
      gmfzrrbz: "N",
      xsfnsrsbh: "91310115MA1K3XYZ7A",
      xsfmc: "上海示例科技有限公司",
      xsfkhh: "招商银行上海分行",
      xsfzh: "121900000010201",
      gmfmc: "北京采购贸易有限公司",
      hjje: 99500,
      hjse: 5970,
      jshj: 105470,
      kpr: "张伟",
      bz: "合同号 HT-2026-0518",
      kprq: "2026-05-18 10:21:07",
    });
    expect(wire.fpmxList[0]).toMatchObject({
      mxxh: 1,
      xmmc: "软件开发",
      spfwjc: "信息技术服务",
      hwhyslwfwmc: "*信息技术服务*软件开发", // = "*" + spfwjc + "*" + xmmc
      sphfwssflhbbm: "3040201010000000000",
      sl: 1,
      dj: 100000,
      je: 100000,
      slv: 0.06,
      se: 6000,
      hsje: 106000,
      fphxz: "02",
      yhzcbs: "",
    });
    expect(wire.fpmxList[1]).toMatchObject({ fphxz: "01", je: -500, se: -30, hsje: -530, sl: "", dj: "" });
    expect(stringifyJson(built)).toContain('"hjje":99500.00,"hjse":5970.00,"jshj":105470.00');
  });
  it("reads it back", () => {
    const back = fromLeqiInvoice(JSON.parse(stringifyJson(built)));
    expect(back.ok && back.value).toEqual({ requestKey: "26312000000012345678", invoice });
  });
  it("the sent body is the SM4 ciphertext of the JSON array of invoices", () => {
    const credentials = { sm4Key: KEY, jrdwptbh: "P0001", sydwptbh: "P0002", nlbm: "NL01" };
    const prepared = prepareLeqiIssue(
      credentials,
      { requestKey: "SO-1", invoice },
      { number: "26312000000012345678" },
    );
    expect(prepared.url).toBe("https://lqpt.chinatax.gov.cn:8443/access/v2/invoke/NL01/QDFPSC");
    expect(prepared.headers).toMatchObject({
      fwbm: "QDFPSC",
      jrdwptbh: "P0001",
      sydwptbh: "P0002",
      nlbm: "NL01",
    });
    const plain = sm4Decrypt(KEY, prepared.body);
    expect(plain.ok && JSON.parse(plain.text)).toEqual(JSON.parse(stringifyJson(prepared.plain)));
    expect(Array.isArray(prepared.plain)).toBe(true);
  });
});

describe("answers", () => {
  it("QDFPSC accepted → pending under the sllsh; CXQDFPSCJG → issued / pending / refused", () => {
    expect(issueAnswer(KEY, "SO-1", buildLeqiAnswer(KEY, { sllsh: "S-1" }))).toMatchObject({
      status: "pending",
      providerRef: "S-1",
    });
    expect(
      resultAnswer(
        KEY,
        "SO-1",
        buildLeqiAnswer(KEY, { sczt: "1", fphm: "26312000000012345678", kprq: "2026-05-18 10:21:07" }),
      ),
    ).toMatchObject({
      status: "issued",
      number: "26312000000012345678",
      issuedAt: "2026-05-18T10:21:07+08:00",
    });
    expect(resultAnswer(KEY, "SO-1", buildLeqiAnswer(KEY, [{ sczt: "0" }])).status).toBe("pending");
    expect(
      resultAnswer(KEY, "SO-1", buildLeqiAnswer(KEY, { sczt: "2", sbyy: "购买方税号有误" })),
    ).toMatchObject({
      status: "rejected",
      diagnostics: [{ providerMessage: "购买方税号有误" }],
    });
  });
  it("errors in clear and service codes keep 乐企's code; the published codes are mapped", () => {
    expect(issueAnswer(KEY, "SO-1", buildLeqiError("3003", "失败"))).toMatchObject({
      status: "rejected",
      diagnostics: [{ rule: "LEQI_3003", providerCode: "3003", providerMessage: "失败" }],
    });
    const risky = buildLeqiAnswer(KEY, {
      code: "31120",
      msg: "纳税人风险信息为高风险,禁止确认全电红字确认单",
    });
    expect(redFormsAnswer(KEY, risky)).toMatchObject({
      status: "rejected",
      reason: "refused",
      diagnostics: [{ rule: "LEQI_31120", providerCode: "31120" }],
    });
    expect(
      redFormsAnswer(
        KEY,
        buildLeqiAnswer(KEY, { code: "0", msg: "成功", data: { qrrq: "2026-05-20 10:00:00" } }),
      ),
    ).toMatchObject({
      status: "ok",
    });
  });
  it("undecryptable, non-JSON data and the wrong key end unknown", () => {
    expect(issueAnswer(KEY, "SO-1", { Response: { Data: "not base64 !!" } }).status).toBe("unknown");
    expect(issueAnswer(KEY, "SO-1", { Response: { Data: sm4Encrypt(KEY, "not json") } }).status).toBe(
      "unknown",
    );
    const other = buildLeqiAnswer("ffeeddccbbaa99887766554433221100", { sllsh: "S" });
    const outcome = issueAnswer(KEY, "SO-1", other);
    expect(outcome.status === "unknown" && outcome.diagnostics[0]?.rule).toBe("LEQI_UNDECRYPTABLE");
  });
  it("reads the {httpStatusCode, body} wrapping", () => {
    const wrapped = { httpStatusCode: 200, body: JSON.stringify(buildLeqiAnswer(KEY, { sllsh: "S-2" })) };
    expect(openLeqiAnswer(KEY, wrapped)).toEqual({ data: { sllsh: "S-2" } });
  });
});

describe("red-letter forms (leqi-hzqrdqr-confirm.fields.txt)", () => {
  it("confirm / refuse / cancel send xsfnsrsbh, uuid, hzqrdbh and qrlx Y / N / C", async () => {
    const documented = text("leqi-hzqrdqr-confirm.fields.txt");
    const sent: Record<string, unknown>[] = [];
    const credentials = {
      sm4Key: KEY,
      jrdwptbh: "P0001",
      sydwptbh: "P0002",
      nlbm: "NL01",
      url: "http://sandbox.test",
    };
    const leqi = createLeqi({
      credentials,
      sellerTaxId: "91310115MA1K3XYZ7A",
      state: memoryLeqiState([]),
      fetch: async (_url, init) => {
        const plain = sm4Decrypt(KEY, String(init.body));
        if (plain.ok) sent.push(JSON.parse(plain.text));
        return Response.json(
          buildLeqiAnswer(KEY, { code: "0", msg: "成功", data: { qrrq: "2026-05-20 10:00:00" } }),
        );
      },
    });
    const form = { uuid: "a".repeat(32), number: "4403112605000001" };
    for (const action of [leqi.redLetter.confirmForm, leqi.redLetter.refuseForm, leqi.redLetter.cancelForm]) {
      expect((await action(form)).status).toBe("ok");
    }
    expect(sent.map((s) => s.qrlx)).toEqual(["Y", "N", "C"]);
    for (const name of Object.keys(sent[0]!)) expect(documented).toContain(name);
    expect(Object.keys(sent[0]!).sort()).toEqual(["hzqrdbh", "qrlx", "uuid", "xsfnsrsbh"]);
  });
});
