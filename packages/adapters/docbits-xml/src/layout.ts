/**
 * Where each DocBits field sits. The English page gives paths (`fapiao_head/fapiao_number`,
 * `total/total_with_tax`); the German page lists more fields by element name only. efapiao writes the
 * English paths and puts the German-only fields beside them (`amount_in_words` in `total`, `remarks`,
 * `issuer`, `tax_authority` under the root); it reads a field from either place.
 */

/** fapiao_head children, in the order efapiao writes them; read from fapiao_head or the root. */
export const HEAD_FIELDS = [
  ["fapiao_type", "type"],
  ["fapiao_number", "number"],
  ["fapiao_code", "code"],
  ["issue_date", "issueDate"],
  ["check_code", "checkCode"],
  ["machine_code", "machineCode"],
] as const;

export const PARTY_FIELDS = [
  ["name", "name"],
  ["taxpayer_id", "taxpayerId"],
  ["address", "address"],
  ["telephone", "telephone"],
  ["bank_name", "bankName"],
  ["bank_account", "bankAccount"],
] as const;

/** items/item children in the documented order; tax_code is efapiao's extension (own namespace). */
export const ITEM_FIELDS = [
  "seq",
  "name",
  "spec",
  "quantity",
  "unit",
  "unit_price",
  "tax_rate",
  "tax_amount",
  "amount",
] as const;
export const TAX_CODE = "tax_code";

/** total children; read from total or the root. */
export const TOTAL_FIELDS = [
  ["total_amount", "amount"],
  ["total_tax", "tax"],
  ["total_with_tax", "withTax"],
  ["amount_in_words", "inWords"],
] as const;

/** Root-level fields after `total`. */
export const TRAILER_FIELDS = [
  ["remarks", "remarks"],
  ["issuer", "issuer"],
  ["tax_authority", "taxAuthority"],
] as const;

/** fapiao_type values and the kind each names; 电子发票 names none. */
export const TYPE_NAMES = { special: "专用发票", general: "普通发票", electronic: "电子发票" } as const;
