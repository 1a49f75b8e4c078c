/**
 * Looking up a classification code (税收分类编码): its name, the short name (简称) printed on the
 * invoice, and the VAT rates the table allows for it.
 */
import { builtinCodeTable } from "@efapiao/tables";

const codes = builtinCodeTable();
console.log(`table: ${codes.version}`);

for (const code of ["3040201010000000000", "1060105020000000000", "3040201990000000000"]) {
  const entry = codes.get(code);
  if (entry === undefined) {
    // The built-in list is short on purpose: import the official table for everything else.
    console.log(`${code}  not in this table`);
  } else {
    console.log(`${code}  ${entry.name}  简称 ${entry.shortName}  税率 ${entry.rates.join("/")}`);
  }
}
