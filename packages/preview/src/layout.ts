/**
 * Where everything goes on the page. The geometry is the issued 数电票's own (a 210 × 140 mm page; frame,
 * party blocks, column rules and label positions measured from the platform's OFD template), in
 * millimetres from the top-left corner. The layout is a list of drawing items — text with a baseline and
 * an alignment, straight rules — that the SVG (HTML) and PDF writers draw as they are, so both look the
 * same and break pages at the same rows.
 *
 * Text is broken into lines here, with a width estimate (CJK 1 em, other characters 0.6 em) that both
 * writers share; figures that would not fit their column are set smaller instead of wrapped.
 */
import type { InvoiceView, RowView } from "./view.js";

export const PAGE = { width: 210, height: 140 } as const;
/** Millimetres per typographic point. */
export const MM_PER_PT = 25.4 / 72;

export type Ink = "frame" | "ink" | "red" | "mark";
export type Align = "start" | "middle" | "end";

export interface TextItem {
  kind: "text";
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  /** Font size in points. */
  size: number;
  align: Align;
  ink: Ink;
  /** Degrees, counter-clockwise as on paper (the preview watermark). */
  rotate?: number;
}

export interface RuleItem {
  kind: "rule";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  ink: Ink;
}

export type Item = TextItem | RuleItem;
export interface LaidPage {
  items: Item[];
}

const LEFT = 4.5;
const RIGHT = 205.5;
const FRAME_TOP = 30;
const PARTY_BOTTOM = 52;
const TABLE_BOTTOM = 96;
const TOTAL_BOTTOM = 104;
const FRAME_BOTTOM = 124;
const LABEL_WIDTH = 6;
const MIDDLE = 105;

/** Column edges of the items table, left to right, and how each column aligns. */
const COLUMNS: { key: keyof RowView; title: string; from: number; to: number; align: Align }[] = [
  { key: "itemName", title: "项目名称", from: LEFT, to: 56.3, align: "start" },
  { key: "spec", title: "规格型号", from: 56.3, to: 82.3, align: "start" },
  { key: "unit", title: "单 位", from: 82.3, to: 94.3, align: "middle" },
  { key: "quantity", title: "数 量", from: 94.3, to: 114.3, align: "end" },
  { key: "unitPrice", title: "单 价", from: 114.3, to: 134.3, align: "end" },
  { key: "amount", title: "金 额", from: 134.3, to: 164.3, align: "end" },
  { key: "rate", title: "税率/征收率", from: 164.3, to: 185.3, align: "middle" },
  { key: "tax", title: "税 额", from: 185.3, to: RIGHT, align: "end" },
];
/** Columns whose text wraps; the others are figures, set smaller when too wide. */
const WRAPPING = new Set<keyof RowView>(["itemName", "spec", "unit"]);

const BODY = 8;
const LABEL = 9;
const LINE_PITCH = 3.6;
const PAD = 1;
const FIRST_ROW_BASELINE = 60;
/** Text lines of the items table per page (baselines 60 … 88.8, clear of 合计 at 93). */
export const LINES_PER_PAGE = 9;
/** Top of the remarks' first line (the box runs from 104 to 124). */
const REMARK_TOP = 105.2;

/**
 * The estimated width of a text in em: CJK and full-width forms 1 em, anything else 0.6 em.
 * @example
 * textWidthEm("软件开发 V2") // 4 + 3 × 0.6 = 5.8
 */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return width;
}

/** Breaks text into lines no wider than `width` mm at `size` pt (at least one line; no character lost). */
export function wrapText(text: string, width: number, size: number): string[] {
  const em = size * MM_PER_PT;
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const ch of text) {
    const w = ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6) * em;
    if (line !== "" && used + w > width) {
      lines.push(line);
      line = "";
      used = 0;
    }
    line += ch;
    used += w;
  }
  lines.push(line);
  return lines;
}

/** The size at which `text` fits `width` mm on one line: `size`, or smaller (never below 4 pt). */
export function fitSize(text: string, width: number, size: number): number {
  const needed = textWidthEm(text) * size * MM_PER_PT;
  return needed <= width ? size : Math.max(4, Math.floor(((size * width) / needed) * 10) / 10);
}

/** One invoice line as printed: each column's lines of text. */
type RowBlock = { cells: Map<keyof RowView, string[]>; sizes: Map<keyof RowView, number>; height: number };

function rowBlock(row: RowView): RowBlock {
  const cells = new Map<keyof RowView, string[]>();
  const sizes = new Map<keyof RowView, number>();
  let height = 1;
  for (const column of COLUMNS) {
    const width = column.to - column.from - 2 * PAD;
    const text = row[column.key];
    if (WRAPPING.has(column.key)) {
      const lines = wrapText(text, width, BODY);
      cells.set(column.key, lines);
      sizes.set(column.key, BODY);
      height = Math.max(height, lines.length);
    } else {
      cells.set(column.key, [text]);
      sizes.set(column.key, fitSize(text, width, BODY));
    }
  }
  return { cells, sizes, height };
}

/**
 * Splits the rows into pages of at most {@link LINES_PER_PAGE} text lines. A row taller than a page (a very
 * long name) is split across pages rather than cut.
 */
export function paginate(rows: RowView[]): RowBlock[][] {
  const pages: RowBlock[][] = [[]];
  let used = 0;
  for (const row of rows) {
    let block = rowBlock(row);
    while (block.height > 0) {
      if (used > 0 && used + block.height > LINES_PER_PAGE) {
        pages.push([]);
        used = 0;
      }
      const take = Math.min(block.height, LINES_PER_PAGE);
      const [head, rest] = splitBlock(block, take);
      pages[pages.length - 1]!.push(head);
      used += head.height;
      block = rest;
    }
  }
  return pages;
}

function splitBlock(block: RowBlock, take: number): [RowBlock, RowBlock] {
  const head = new Map<keyof RowView, string[]>();
  const rest = new Map<keyof RowView, string[]>();
  for (const [key, lines] of block.cells) {
    head.set(key, lines.slice(0, take));
    rest.set(key, lines.slice(take));
  }
  return [
    { cells: head, sizes: block.sizes, height: take },
    { cells: rest, sizes: block.sizes, height: block.height - take },
  ];
}

/**
 * Lays out every page of an invoice.
 * @example
 * const pages = layoutInvoice(invoiceView(doc)); // pages[0].items: texts and rules in mm
 */
export function layoutInvoice(view: InvoiceView): LaidPage[] {
  const blocks = paginate(view.rows);
  return blocks.map((rows, index) => ({ items: pageItems(view, rows, index, blocks.length) }));
}

function pageItems(view: InvoiceView, rows: RowBlock[], index: number, count: number): Item[] {
  const items: Item[] = [];
  const text = (
    x: number,
    y: number,
    value: string,
    size: number,
    align: Align = "start",
    ink: Ink = "ink",
  ) => {
    if (value !== "") items.push({ kind: "text", x, y, text: value, size, align, ink });
  };
  const rule = (x1: number, y1: number, x2: number, y2: number, width = 0.3) =>
    items.push({ kind: "rule", x1, y1, x2, y2, width, ink: "frame" });

  // Header: title with its double rule, number and date once issued, page count, red and preview marks.
  text(MIDDLE, 14.2, view.title, 18, "middle", "frame");
  rule(65.5, 18, 138.5, 18);
  rule(65.5, 19, 138.5, 19);
  if (view.issued) {
    text(154, 13.6, "发票号码：", LABEL, "start", "frame");
    text(170.5, 13.6, view.number ?? "", fitSize(view.number ?? "", 34, LABEL));
    text(154, 19.6, "开票日期：", LABEL, "start", "frame");
    text(170.5, 19.6, view.date ?? "", LABEL);
  } else {
    text(154, 13.6, "预览 / PREVIEW", LABEL, "start", "mark");
    text(154, 19.6, "未开具，不是发票 / not issued", 7, "start", "mark");
  }
  if (view.red) text(LEFT + 2, 14.2, "红字发票 / red-letter", LABEL, "start", "red");
  if (count > 1) text(154, 25.6, `共${count}页 第${index + 1}页`, LABEL, "start", "frame");

  // Frame and its rules.
  for (const y of [FRAME_TOP, PARTY_BOTTOM, TABLE_BOTTOM, TOTAL_BOTTOM, FRAME_BOTTOM])
    rule(LEFT, y, RIGHT, y);
  rule(LEFT, FRAME_TOP, LEFT, FRAME_BOTTOM);
  rule(RIGHT, FRAME_TOP, RIGHT, FRAME_BOTTOM);
  rule(LEFT + LABEL_WIDTH, FRAME_TOP, LEFT + LABEL_WIDTH, PARTY_BOTTOM);
  rule(MIDDLE, FRAME_TOP, MIDDLE, PARTY_BOTTOM);
  rule(MIDDLE + LABEL_WIDTH, FRAME_TOP, MIDDLE + LABEL_WIDTH, PARTY_BOTTOM);
  rule(LEFT + LABEL_WIDTH, TOTAL_BOTTOM, LEFT + LABEL_WIDTH, FRAME_BOTTOM);
  rule(56.3, TABLE_BOTTOM, 56.3, TOTAL_BOTTOM);
  for (const column of COLUMNS.slice(1)) rule(column.from, PARTY_BOTTOM, column.from, TABLE_BOTTOM);

  // Parties.
  const party = (x: number, label: string, p: { name: string; taxId: string }) => {
    for (const [i, ch] of [...label].entries()) {
      text(x + LABEL_WIDTH / 2, 35.3 + i * 3.5, ch, LABEL, "middle", "frame");
    }
    const valueX = x + LABEL_WIDTH + 1;
    text(valueX, 37.3, "名称：", LABEL, "start", "frame");
    text(valueX + 10.5, 37.3, p.name, fitSize(p.name, MIDDLE - LEFT - LABEL_WIDTH - 13, LABEL));
    text(valueX, 47.3, "统一社会信用代码/纳税人识别号：", LABEL, "start", "frame");
    text(valueX + 51, 47.3, p.taxId, fitSize(p.taxId, 40, LABEL));
  };
  party(LEFT, "购买方信息", view.buyer);
  party(MIDDLE, "销售方信息", view.seller);

  // Items table.
  for (const column of COLUMNS) {
    text((column.from + column.to) / 2, 56, column.title, LABEL, "middle", "frame");
  }
  let line = 0;
  for (const row of rows) {
    for (const column of COLUMNS) {
      const x =
        column.align === "start"
          ? column.from + PAD
          : column.align === "end"
            ? column.to - PAD
            : (column.from + column.to) / 2;
      const lines = row.cells.get(column.key) ?? [];
      lines.forEach((value, i) => {
        text(
          x,
          FIRST_ROW_BASELINE + (line + i) * LINE_PITCH,
          value,
          row.sizes.get(column.key) ?? BODY,
          column.align,
        );
      });
    }
    line += row.height;
  }

  // 合计, 价税合计 and 备注 close the last page; earlier pages say the table goes on.
  const last = index === count - 1;
  if (last) {
    text(20, 93.5, "合", LABEL, "start", "frame");
    text(36, 93.5, "计", LABEL, "start", "frame");
    text(164.3 - PAD, 93.5, view.totals.amount, fitSize(view.totals.amount, 28, LABEL), "end");
    text(RIGHT - PAD, 93.5, view.totals.tax, fitSize(view.totals.tax, 18, LABEL), "end");
    text(16.4, 101.3, "价税合计（大写）", LABEL, "start", "frame");
    text(60, 101.3, view.totals.words, fitSize(view.totals.words, 80, LABEL));
    text(143, 101.3, "（小写）", LABEL, "start", "frame");
    text(156, 101.3, view.totals.total, fitSize(view.totals.total, 48, LABEL));
  } else {
    text(MIDDLE, 93.5, "（续下页 / continued）", LABEL, "middle", "frame");
  }
  text(LEFT + LABEL_WIDTH / 2, 111.5, "备", LABEL, "middle", "frame");
  text(LEFT + LABEL_WIDTH / 2, 117.5, "注", LABEL, "middle", "frame");
  if (last) layRemarks(view.remarks, text);
  text(19, 131, "开票人：", LABEL, "start", "frame");
  text(32, 131, view.drawer, LABEL);

  if (!view.issued) {
    items.push({
      kind: "text",
      x: MIDDLE,
      y: 82,
      text: "预览 PREVIEW",
      size: 44,
      align: "middle",
      ink: "mark",
      rotate: 18,
    });
  }
  return items;
}

/** 备注 in the box: wrapped to its width, set smaller until every line fits (nothing is cut). */
function layRemarks(remarks: string[], text: (x: number, y: number, v: string, s: number) => void): void {
  const width = RIGHT - LEFT - LABEL_WIDTH - 2 * PAD - 1;
  const height = FRAME_BOTTOM - REMARK_TOP;
  let size = BODY;
  const pitchOf = (s: number) => s * MM_PER_PT * 1.25;
  let lines = remarks.flatMap((r) => wrapText(r, width, size));
  while (lines.length * pitchOf(size) > height && size > 4) {
    size = Math.round((size - 0.5) * 10) / 10;
    lines = remarks.flatMap((r) => wrapText(r, width, size));
  }
  const pitch = pitchOf(size);
  for (const [i, value] of lines.entries()) {
    text(LEFT + LABEL_WIDTH + PAD + 1, REMARK_TOP + size * MM_PER_PT + i * pitch, value, size);
  }
}

/** The colours: the frame and labels in the issued invoice's brown, data in black, marks in red. */
export const INKS: Record<Ink, { hex: string; opacity: number }> = {
  frame: { hex: "#8b4513", opacity: 1 },
  ink: { hex: "#000000", opacity: 1 },
  red: { hex: "#c8102e", opacity: 1 },
  mark: { hex: "#c8102e", opacity: 1 },
};
/** The watermark (a rotated text) is drawn faint. */
export const WATERMARK_OPACITY = 0.14;
