/**
 * Platform EInvoice XML → {@link IssuedInvoice}. Tolerant of what real files contain (rates `0.060000`,
 * taxes with six decimals, dates with or without time, empty labels, extra elements, 元 or 圆); strict
 * about what makes a file unusable (not XML, another root, no number, no totals, no lines), with an error
 * that names the element. Values are normalised to the canonical model's text forms only where nothing
 * changes: a tax `0.120000` becomes `0.12`, a tax `0.125000` is an error, never a rounded 0.13.
 */
import { amountInWords, Decimal } from "@efapiao/calc";
import {
  type CodeName,
  type Diagnostic,
  datePart,
  echo,
  hasErrors,
  type InvoiceLine,
  type IssuedInvoice,
  KIND_CODES,
  type Label,
  type RedReference,
  type Result,
  parseInvoiceNumber,
  parseIssuedInvoice,
  type XmlBlock,
  warning,
} from "@efapiao/model";
import { compact } from "./compact.js";
import { splitItemName } from "./item-name.js";
import { type Container, DIRECTION_CODES, LAYOUT, PARTY_FIELDS, SUPPORTED_VERSIONS } from "./layout.js";
import { inferLineNatures } from "./line-nature.js";
import { XmlCursor } from "./xml/cursor.js";
import { FieldReader } from "./xml/fields.js";
import type { XmlLimits } from "./xml/guard.js";
import { readXml } from "./xml/read.js";

export interface ParseStaXmlOptions {
  /** Size and depth limits; default {@link XML_LIMITS}. */
  limits?: XmlLimits;
}

/**
 * Reads a platform EInvoice XML file (versions 0.2 to 0.33).
 * @returns the issued invoice with warnings and notes (masked numbers, skipped elements), or the errors
 * @example
 * const read = parseStaXml(readFileSync("gd-special-1pct-inclusive.xml", "utf8"));
 * read.ok && read.value.totals // { amount: "15841.58", tax: "158.42", total: "16000.00", totalInWords: "壹万陆仟圆整" }
 */
export function parseStaXml(text: string, options: ParseStaXmlOptions = {}): Result<IssuedInvoice> {
  const xml = readXml(text, options.limits);
  if (!xml.ok) return xml;
  const root = new XmlCursor(xml.value);
  if (root.name !== "EInvoice") {
    const r = new FieldReader("STA_XML");
    r.fail("ROOT", root.path, {
      zh: `根元素应为 <EInvoice>（电子发票服务平台的发票文件），这里是 <${root.name}>`,
      en: `The root element should be <EInvoice> (the platform's invoice file), not <${root.name}>`,
    });
    return { ok: false, diagnostics: r.diagnostics };
  }
  return new EInvoiceReader(root).read();
}

/** One reading of one file; collects diagnostics as it goes. */
class EInvoiceReader {
  private readonly r = new FieldReader("STA_XML");
  private readonly notes: Diagnostic[] = [];

  constructor(private readonly root: XmlCursor) {}

  read(): Result<IssuedInvoice> {
    const r = this.r;
    const root = this.root;
    const header = r.need(root, "Header");
    const data = r.need(root, "EInvoiceData");
    const supervision = r.need(root, "TaxSupervisionInfo");
    this.skipUnknown(root, "EInvoice");

    const number = this.number(header, supervision);
    const version = this.version(header);
    const labels = header?.child("InherentLabel");
    if (labels) this.skipUnknown(labels, "InherentLabel");
    if (header) this.skipUnknown(header, "Header");
    const special = this.specificInformation(data);
    const direction = this.direction(labels, special.red);

    const seller = this.party(data, "seller");
    const buyer = this.party(data, "buyer");
    const basic = r.need(data, "BasicInformation");
    const totals = this.totals(basic);
    const lines = this.lines(data, direction);
    const kind = this.kind(labels, header, { buyerTaxId: buyer.taxId, lines });
    const remarks = this.remarks(data);
    if (data) this.skipUnknown(data, "EInvoiceData");

    const issuedAt = r.dateTime(supervision, "IssueTime", true);
    const taxBureau = {
      code: r.token(supervision, "TaxBureauCode", true),
      name: r.text(supervision, "TaxBureauName", true),
    };
    if (supervision) this.skipUnknown(supervision, "TaxSupervisionInfo");

    const diagnostics = [...r.diagnostics, ...this.notes];
    if (hasErrors(diagnostics)) return { ok: false, diagnostics };

    const invoice = {
      kind,
      kindCode: kind && KIND_CODES[kind],
      issueDate: issuedAt && datePart(issuedAt),
      seller,
      buyer: { ...buyer, naturalPerson: false }, // the XML has no natural-person flag
      lines,
      totals,
      remarks,
      drawer: r.text(basic, "Drawer"),
      number,
      issuedAt,
      taxBureau,
      direction,
      red: special.red,
      taxpayerType: codeName(labels?.child("TaxpayerType")),
      eInvoiceType: codeName(labels?.child("EInvoiceType")),
      tag: r.token(header, "EInvoiceTag"),
      labels: this.undefinedLabels(header),
      specificBusiness: special.business,
      sellerAuthentication: root.child("SellerAuthentication")?.block,
      signature: root.child("TaxBureauSignature")?.block,
      requestTime: r.dateTime(basic, "RequestTime", true),
      version,
    };
    // The schema is the last word on what an IssuedInvoice is (e.g. text lengths); a file that passes every
    // check above but not this is still refused, with the model's path.
    const checked = parseIssuedInvoice(compact(invoice));
    return checked.ok
      ? { ok: true, value: checked.value, diagnostics: [...r.diagnostics, ...this.notes] }
      : { ok: false, diagnostics: [...r.diagnostics, ...this.notes, ...checked.diagnostics] };
  }

  /** EIid and InvoiceNumber both hold the number; one is enough, two that differ are a broken file. */
  private number(header: XmlCursor | undefined, supervision: XmlCursor | undefined): string | undefined {
    const { r } = this;
    const eiid = r.token(header, "EIid");
    const invoiceNumber = r.token(supervision, "InvoiceNumber");
    const path = supervision?.pathOf("InvoiceNumber") ?? header?.pathOf("EIid") ?? "/EInvoice";
    if (eiid === undefined && invoiceNumber === undefined) {
      return r.fail("MISSING", path, {
        zh: "缺少发票号码：<EIid> 与 <TaxSupervisionInfo/InvoiceNumber> 都没有",
        en: "The invoice number is missing: neither <EIid> nor <TaxSupervisionInfo/InvoiceNumber> has one",
      });
    }
    if (eiid !== undefined && invoiceNumber !== undefined && eiid !== invoiceNumber) {
      if (sameUnderMask(eiid, invoiceNumber)) {
        // Files passed on for reference often have the header's copy masked; the supervision copy decides.
        this.notes.push(
          warning("STA_XML_NUMBER_MASKED", header!.pathOf("EIid"), {
            zh: `<EIid>（${eiid}）有遮盖的数字，以 <InvoiceNumber>（${invoiceNumber}）为准`,
            en: `<EIid> (${eiid}) has masked digits; <InvoiceNumber> (${invoiceNumber}) is taken`,
          }),
        );
        return this.checkedNumber(invoiceNumber, path);
      }
      return r.fail("NUMBER_MISMATCH", path, {
        zh: `<EIid>（${eiid}）与 <InvoiceNumber>（${invoiceNumber}）不一致`,
        en: `<EIid> (${eiid}) and <InvoiceNumber> (${invoiceNumber}) differ`,
      });
    }
    const number = (invoiceNumber ?? eiid)!;
    return this.checkedNumber(number, invoiceNumber !== undefined ? path : header!.pathOf("EIid"));
  }

  private checkedNumber(number: string, path: string): string | undefined {
    const parsed = parseInvoiceNumber(number, path);
    this.notes.push(...parsed.diagnostics);
    return parsed.ok ? number : undefined;
  }

  private version(header: XmlCursor | undefined): string | undefined {
    const version = this.r.token(header, "Version", true);
    if (version === undefined) return undefined;
    const match = /^(\d+)\.(\d+)$/.exec(version);
    const [from, to] = [SUPPORTED_VERSIONS.from, SUPPORTED_VERSIONS.to];
    const n = match ? [Number(match[1]), Number(match[2])] : undefined;
    const within = n && compare(n, from) >= 0 && compare(n, to) <= 0;
    if (!within) {
      this.notes.push(
        warning("STA_XML_VERSION_UNTESTED", header!.pathOf("Version"), {
          zh: `版本 ${version} 不在已验证的范围（${from.join(".")}–${to.join(".")}）内，按相同结构读取`,
          en: `Version ${version} is outside the versions checked (${from.join(".")}–${to.join(".")}); read with the same layout`,
        }),
      );
    }
    return version;
  }

  /**
   * GeneralOrSpecialVAT: the code decides; an empty code falls back to the label's name, and an empty label
   * (a real ride-hailing invoice has `<GeneralOrSpecialVAT/>`) to the file's evidence, with a warning.
   */
  private kind(
    labels: XmlCursor | undefined,
    header: XmlCursor | undefined,
    evidence: KindEvidence,
  ): "special" | "general" | undefined {
    const label = labels?.child("GeneralOrSpecialVAT");
    const code = label?.child("LabelCode")?.text?.trim();
    if (code === KIND_CODES.special) return "special";
    if (code === KIND_CODES.general) return "general";
    const name = label?.child("LabelName")?.text ?? "";
    if (!code && name.includes("专用")) return "special";
    if (!code && name.includes("普通")) return "general";
    const path = label
      ? label.pathOf("LabelCode")
      : ((labels ?? header)?.pathOf("GeneralOrSpecialVAT") ?? "/EInvoice/Header");
    if (code) {
      return this.r.fail("KIND", path, {
        zh: `无法确定发票种类：<GeneralOrSpecialVAT> 的代码应为 01（专用发票）或 02（普通发票），这里是 “${echo(code)}”`,
        en: `Cannot tell the invoice kind: <GeneralOrSpecialVAT> should have code 01 (special) or 02 (general), got "${echo(code)}"`,
      });
    }
    const inferred = inferKind(labels, evidence);
    this.r.warn("KIND_INFERRED", path, {
      zh: `<GeneralOrSpecialVAT> 为空：按文件内容判断为${inferred.kind === "special" ? "增值税专用发票" : "普通发票"}（${inferred.why.zh}）`,
      en: `<GeneralOrSpecialVAT> is empty: read as a ${inferred.kind} invoice (${inferred.why.en})`,
    });
    return inferred.kind;
  }

  /** InIssuType Y/N; when the label is empty, a RedEInvoice reference says red. */
  private direction(labels: XmlCursor | undefined, red: RedReference | undefined): "blue" | "red" {
    const label = labels?.child("InIssuType");
    const code = label?.child("LabelCode")?.text?.trim();
    const path =
      label?.pathOf("LabelCode") ?? labels?.pathOf("InIssuType") ?? "/EInvoice/Header/InherentLabel";
    const guessed = red ? "red" : "blue";
    if (code === DIRECTION_CODES.blue || code === DIRECTION_CODES.red) {
      const direction = code === DIRECTION_CODES.blue ? "blue" : "red";
      if (direction === "blue" && red) {
        this.r.fail("DIRECTION_CONFLICT", path, {
          zh: "<InIssuType> 标为蓝字发票（Y），但文件含有红字发票信息 <RedEInvoice>",
          en: "<InIssuType> marks a blue invoice (Y), but the file has a red-letter reference <RedEInvoice>",
        });
      }
      if (direction === "red" && !red) {
        this.notes.push(
          warning("STA_XML_RED_WITHOUT_REFERENCE", path, {
            zh: "红字发票（N）缺少 <SpecificInformation/RedEInvoice>：不知道它红冲的是哪张蓝字发票",
            en: "A red invoice (N) without <SpecificInformation/RedEInvoice>: the reversed blue invoice is unknown",
          }),
        );
      }
      return direction;
    }
    if (code) {
      this.r.fail("DIRECTION", path, {
        zh: `<InIssuType> 的代码应为 Y（蓝字）或 N（红字），这里是 “${code}”`,
        en: `<InIssuType> should have code Y (blue) or N (red), got "${code}"`,
      });
      return guessed;
    }
    this.notes.push(
      warning("STA_XML_DIRECTION_INFERRED", path, {
        zh: `<InIssuType> 为空：按${red ? "含有" : "没有"}红字发票信息判断为${red ? "红字" : "蓝字"}发票`,
        en: `<InIssuType> is empty: taken as ${guessed}, since the file ${red ? "has" : "has no"} red-letter reference`,
      }),
    );
    return guessed;
  }

  private undefinedLabels(header: XmlCursor | undefined): Label[] {
    const labels: Label[] = [];
    for (const label of header?.child("UndefinedLabel")?.children("Label") ?? []) {
      const type = label.child("LabelType")?.text ?? "";
      const code = label.child("LabelCode")?.text ?? "";
      const name = label.child("LabelName")?.text ?? "";
      labels.push({ type, code, name }); // even an empty <Label/> is kept: the writer gives it back
    }
    return labels;
  }

  private party(data: XmlCursor | undefined, role: "seller" | "buyer"): Record<string, string | undefined> {
    const container = role === "seller" ? "SellerInformation" : "BuyerInformation";
    const section = this.r.need(data, container);
    const party: Record<string, string | undefined> = {};
    for (const [element, key] of PARTY_FIELDS[role]) {
      const required = key === "name" || (role === "seller" && key === "taxId");
      party[key] = this.r.text(section, element, required);
    }
    if (section) this.skipUnknown(section, container);
    return party;
  }

  private totals(basic: XmlCursor | undefined) {
    const { r } = this;
    const total = r.money(basic, "TotalTax-includedAmount", true);
    let totalInWords = r.token(basic, "TotalTax-includedAmountInChinese");
    if (basic && totalInWords === undefined && total !== undefined) {
      totalInWords = amountInWords(total);
      this.notes.push(
        warning("STA_XML_WORDS_COMPUTED", basic.pathOf("TotalTax-includedAmountInChinese"), {
          zh: `缺少价税合计大写，已按价税合计写出：${totalInWords}`,
          en: `The total in Chinese capitals is missing; written from the total: ${totalInWords}`,
        }),
      );
    }
    if (basic) this.skipUnknown(basic, "BasicInformation");
    return {
      amount: r.money(basic, "TotalAmWithoutTax", true),
      tax: r.money(basic, "TotalTaxAm", true),
      total,
      totalInWords,
    };
  }

  private lines(data: XmlCursor | undefined, direction: "blue" | "red"): Partial<InvoiceLine>[] {
    if (!data) return [];
    const items = data.children("IssuItemInformation");
    if (items.length === 0) {
      this.r.fail("MISSING", data.pathOf("IssuItemInformation"), {
        zh: "发票没有明细行 <IssuItemInformation>",
        en: "The invoice has no lines <IssuItemInformation>",
      });
      return [];
    }
    const lines = items.map((item, i) => this.line(item, i));
    const natures = inferLineNatures(lines as InvoiceLine[], direction);
    return lines.map((line, i) => ({ ...line, nature: natures[i] }));
  }

  private line(item: XmlCursor, i: number): Partial<InvoiceLine> {
    const { r } = this;
    const itemName = r.text(item, "ItemName", true);
    const parts = itemName === undefined ? undefined : splitItemName(itemName);
    if (itemName !== undefined && !parts) {
      r.fail("ITEM_NAME", item.pathOf("ItemName"), {
        zh: `项目名称 “${itemName}” 应写作 *简称*名称（例如 *信息技术服务*软件开发）`,
        en: `The item name "${itemName}" should read *short name*name (e.g. *信息技术服务*软件开发)`,
      });
    }
    const code = r.classificationCode(item, "TaxClassificationCode", true);
    const amount = r.money(item, "Amount", true);
    const tax = r.money(item, "ComTaxAm", true);
    this.checkLineTotal(item, amount, tax);
    this.skipUnknown(item, "IssuItemInformation");
    return {
      index: i + 1,
      itemName,
      name: parts?.name,
      shortName: parts?.shortName,
      code,
      spec: r.text(item, "SpecMod"),
      unit: r.text(item, "MeaUnits"),
      quantity: r.decimal(item, "Quantity"),
      unitPrice: r.decimal(item, "UnPrice"),
      amount,
      taxRate: r.rate(item, "TaxRate", true),
      tax,
      policy: null, // the XML has no policy-flag element
    };
  }

  /** The model keeps 金额 and 税额; a line total that is not their sum would be lost silently, so say so. */
  private checkLineTotal(item: XmlCursor, amount: string | undefined, tax: string | undefined): void {
    const total = this.r.money(item, "TotaltaxIncludedAmount");
    if (total === undefined || amount === undefined || tax === undefined) return;
    const sum = new Decimal(amount).plus(tax);
    if (sum.eq(total)) return;
    this.notes.push(
      warning("STA_XML_LINE_TOTAL", item.pathOf("TotaltaxIncludedAmount"), {
        zh: `价税合计 ${total} 不等于金额 ${amount} 加税额 ${tax}（${sum.toFixed(2)}）；读取结果只保留金额与税额`,
        en: `The line total ${total} is not amount ${amount} plus tax ${tax} (${sum.toFixed(2)}); only amount and tax are kept`,
      }),
    );
  }

  /** RedEInvoice is read into the model; every other block is 特定业务 data, kept as written. */
  private specificInformation(data: XmlCursor | undefined): { red?: RedReference; business?: XmlBlock[] } {
    const section = data?.child("SpecificInformation");
    if (!section) return {};
    const redBlock = section.child("RedEInvoice");
    const business = (section.block.children ?? []).filter((child) => child !== redBlock?.block);
    let red: RedReference | undefined;
    if (redBlock) {
      const original = this.r.token(redBlock, "OriginalInvoiceCode", true);
      const form = this.r.token(redBlock, "CreditNoteNumber", true);
      if (original !== undefined) {
        const parsed = parseInvoiceNumber(original, redBlock.pathOf("OriginalInvoiceCode"));
        this.notes.push(...parsed.diagnostics);
      }
      if (original !== undefined && form !== undefined)
        red = { originalNumber: original, confirmationFormNumber: form };
    }
    return { red, business: business.length > 0 ? business : undefined };
  }

  private remarks(data: XmlCursor | undefined): string | undefined {
    const section = data?.child("AdditionalInformation");
    if (!section) return undefined;
    this.skipUnknown(section, "AdditionalInformation");
    return this.r.text(section, "Remark");
  }

  /** Elements the model does not hold are noted (info), so a reader knows what a conversion leaves out. */
  private skipUnknown(cursor: XmlCursor, container: Container): void {
    const known: readonly string[] = LAYOUT[container];
    const seen = new Set<string>();
    for (const child of cursor.block.children ?? []) {
      if (known.includes(child.name) || (child.text === undefined && !child.children)) continue;
      if (seen.has(child.name)) continue;
      seen.add(child.name);
      this.notes.push({
        rule: "STA_XML_SKIPPED",
        severity: "info",
        path: cursor.pathOf(child.name),
        message: `元素 <${child.name}> 不在发票模型中，转换时不保留`,
        messageEn: `Element <${child.name}> is not part of the invoice model and is not kept by conversions`,
      });
    }
  }
}

/** What the file says elsewhere that bears on its kind. */
interface KindEvidence {
  buyerTaxId: string | undefined;
  lines: readonly Partial<InvoiceLine>[];
}

/**
 * The kind of a file whose kind label is empty, from what only one kind allows: a special invoice always
 * names the buyer's tax id and never carries a 0% rate; the EInvoiceType label's name may say it outright.
 * Without any sign of a special invoice it is general: only a special invoice gives the buyer a deduction,
 * and the platform marks every one it issues.
 */
function inferKind(
  labels: XmlCursor | undefined,
  evidence: KindEvidence,
): { kind: "special" | "general"; why: { zh: string; en: string } } {
  const typeName = labels?.child("EInvoiceType")?.child("LabelName")?.text ?? "";
  if (typeName.includes("专用")) {
    return {
      kind: "special",
      why: {
        zh: `<EInvoiceType> 名称为 “${echo(typeName)}”`,
        en: `<EInvoiceType> is named "${echo(typeName)}"`,
      },
    };
  }
  if (typeName.includes("普通")) {
    return {
      kind: "general",
      why: {
        zh: `<EInvoiceType> 名称为 “${echo(typeName)}”`,
        en: `<EInvoiceType> is named "${echo(typeName)}"`,
      },
    };
  }
  if (evidence.buyerTaxId === undefined) {
    return {
      kind: "general",
      why: {
        zh: "没有购买方纳税人识别号，专用发票必须有",
        en: "the buyer has no tax id, which a special invoice must have",
      },
    };
  }
  if (evidence.lines.some((line) => line.taxRate === "0")) {
    return {
      kind: "general",
      why: {
        zh: "有税率为 0 的行，专用发票不能开具 0 税率",
        en: "a line has a 0% rate, which a special invoice cannot carry",
      },
    };
  }
  return {
    kind: "general",
    why: {
      zh: "文件中没有专用发票的标记；平台开具的专用发票都带有这一标签",
      en: "nothing in the file marks it special, and the platform labels every special invoice it issues",
    },
  };
}

/** A LabelCode/LabelName pair, or undefined when the label is absent or empty. */
function codeName(label: XmlCursor | undefined): CodeName | undefined {
  const code = label?.child("LabelCode")?.text?.trim();
  if (!code) return undefined;
  return { code, name: label?.child("LabelName")?.text ?? "" };
}

function compare(a: readonly number[], b: readonly number[]): number {
  return a[0]! - b[0]! || a[1]! - b[1]!;
}

/** True when two copies of a number agree wherever neither is masked (`*`): "2344****0001" ~ "23440000100001". */
function sameUnderMask(masked: string, full: string): boolean {
  if (masked.length !== full.length || !masked.includes("*")) return false;
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] !== "*" && full[i] !== "*" && masked[i] !== full[i]) return false;
  }
  return true;
}
