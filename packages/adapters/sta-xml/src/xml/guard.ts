/**
 * The gate every XML text passes before the parser sees it. Invoice files come from outside (mail
 * attachments, provider downloads), so the gate refuses what could make parsing expensive or unsafe:
 *
 * - a file over {@link XML_LIMITS}.maxBytes (UTF-8), checked before any other work, so memory stays bounded;
 * - any `<!…>` declaration other than a comment or CDATA — DOCTYPE, ENTITY, ELEMENT. Platform files never
 *   carry one, and refusing them outright closes XXE (external entities) and billion-laughs (nested entity
 *   expansion) without depending on how the parser treats them;
 * - nesting deeper than {@link XML_LIMITS}.maxDepth (the platform's files are 4–6 levels deep), so no
 *   later recursion can overflow the stack.
 *
 * The same single pass checks the tags balance (fast-xml-parser does not compare closing tag names) and
 * that there is exactly one root element. It tokenizes like fast-xml-parser does (comments end at `-->`,
 * CDATA at `]]>`, processing instructions at `?>`, tags at the first `>` outside quotes), so that what it
 * measures is what the parser builds.
 */
import { type Diagnostic, error } from "@efapiao/model";

/** Size and depth limits of XML input; both generous for invoices, tight for attacks. */
export const XML_LIMITS = {
  /** 4 MiB of UTF-8: about 5,000 invoice lines, more than any platform (2,000) or provider allows. */
  maxBytes: 4 * 1024 * 1024,
  /** Element nesting; EInvoice files nest 6 levels at most, kept blocks (特定业务) a few more. */
  maxDepth: 32,
} as const;

export interface XmlLimits {
  maxBytes: number;
  maxDepth: number;
}

/**
 * Checks an XML text against the limits and the rules above.
 * @returns an error diagnostic, or undefined when the text may be parsed
 * @example
 * guardXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>') // { rule: "XML_DTD_REFUSED", … }
 */
export function guardXml(text: string, limits: XmlLimits = XML_LIMITS): Diagnostic | undefined {
  const bytes = utf8Length(text, limits.maxBytes);
  if (bytes > limits.maxBytes) {
    return error("XML_TOO_LARGE", "", {
      zh: `XML 文件过大：超过 ${limits.maxBytes} 字节的上限`,
      en: `The XML file is too large: over the limit of ${limits.maxBytes} bytes`,
    });
  }
  return scan(text, limits.maxDepth);
}

/** UTF-8 length of a string, counting no further than just past `stopAfter`. */
function utf8Length(text: string, stopAfter: number): number {
  if (text.length > stopAfter) return text.length; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= stopAfter) return text.length; // at most three bytes per unit
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4; // a surrogate pair is one four-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function scan(text: string, maxDepth: number): Diagnostic | undefined {
  const open: string[] = [];
  let rootSeen = false;
  let i = skipLeadingWhitespace(text);
  if (text[i] !== "<") return notXml();
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (open.length === 0 && !isBlank(text, i, lt === -1 ? text.length : lt)) return contentOutsideRoot();
    if (lt === -1) break;
    if (text.startsWith("<?", lt)) {
      i = after(text, "?>", lt + 2);
    } else if (text.startsWith("<!--", lt)) {
      i = after(text, "-->", lt + 4);
    } else if (text.startsWith("<![CDATA[", lt)) {
      if (open.length === 0) return contentOutsideRoot();
      i = after(text, "]]>", lt + 9);
    } else if (text.startsWith("<!", lt)) {
      return declarationRefused(text.slice(lt, lt + 12));
    } else if (text.startsWith("</", lt)) {
      const gt = text.indexOf(">", lt);
      if (gt === -1) return malformed("结束标签没有闭合", "a closing tag is not closed");
      const name = text.slice(lt + 2, gt).trim();
      const expected = open.pop();
      if (expected !== name) {
        return expected === undefined
          ? malformed(`多余的结束标签 </${clip(name)}>`, `unexpected closing tag </${clip(name)}>`)
          : malformed(
              `结束标签 </${clip(name)}> 与开始标签 <${clip(expected)}> 不匹配`,
              `closing tag </${clip(name)}> does not match <${clip(expected)}>`,
            );
      }
      i = gt + 1;
    } else {
      const gt = tagEnd(text, lt + 1);
      if (gt === -1) return malformed("开始标签没有闭合", "a start tag is not closed");
      const body = text.slice(lt + 1, gt);
      const name = /^[^\s/>]*/.exec(body)![0];
      if (name === "") return malformed("标签缺少名称", "a tag has no name");
      if (open.length === 0 && rootSeen)
        return malformed("有多个根元素", "there is more than one root element");
      rootSeen = true;
      if (open.length + 1 > maxDepth) {
        return error("XML_TOO_DEEP", "", {
          zh: `XML 嵌套过深：超过 ${maxDepth} 层的上限`,
          en: `The XML is nested too deeply: over the limit of ${maxDepth} levels`,
        });
      }
      if (!body.endsWith("/")) open.push(name);
      i = gt + 1;
    }
    if (i === -1) {
      return malformed(
        "注释、CDATA 或处理指令没有闭合",
        "a comment, CDATA section or processing instruction is not closed",
      );
    }
  }
  if (open.length > 0)
    return malformed(
      `元素 <${clip(open.at(-1)!)}> 没有结束标签`,
      `element <${clip(open.at(-1)!)}> is never closed`,
    );
  if (!rootSeen) return notXml();
  return undefined;
}

/** Index just past `terminator` searched from `from`, or -1 when it is missing. */
function after(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

/** The `>` that ends a start tag: the first one outside a quoted attribute value. */
function tagEnd(text: string, from: number): number {
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  return -1;
}

function skipLeadingWhitespace(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function isSpace(unit: number): boolean {
  return unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0x0d;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function notXml(): Diagnostic {
  return error("XML_NOT_XML", "", {
    zh: "输入不是 XML 文档（应以 < 开头）",
    en: "The input is not an XML document (it should start with <)",
  });
}

function contentOutsideRoot(): Diagnostic {
  return malformed("根元素之外有文本内容", "there is text outside the root element");
}

function malformed(zh: string, en: string): Diagnostic {
  return error("XML_MALFORMED", "", { zh: `XML 格式错误：${zh}`, en: `Malformed XML: ${en}` });
}

function declarationRefused(start: string): Diagnostic {
  const shown = start.replace(/\s+/g, " ");
  return error("XML_DTD_REFUSED", "", {
    zh: `拒绝处理 XML 声明 “${shown}…”：文档类型（DOCTYPE）与实体声明（ENTITY）可被用于 XXE 或“十亿笑声”攻击，发票文件中不会出现`,
    en: `Refused the XML declaration "${shown}…": DOCTYPE and ENTITY declarations enable XXE and billion-laughs attacks and never occur in invoice files`,
  });
}
