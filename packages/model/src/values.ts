/**
 * The values of the model's enumerations as plain constants; the zod enums (`InvoiceKindSchema`, …) are
 * made from them. Code that only needs the values (the rule checker) reads these, without zod.
 * @example
 * INVOICE_KIND_VALUES.includes("special"); // true
 */
export const INVOICE_KIND_VALUES = ["special", "general"] as const;
/** 发票行性质: normal 正常行, discounted 被折扣行, discount 折扣行. */
export const LINE_NATURE_VALUES = ["normal", "discounted", "discount"] as const;
/** 蓝字 (blue) or 红字 (red). */
export const DIRECTION_VALUES = ["blue", "red"] as const;
