import { Decimal } from "../src/decimal.js";
import DecimalJs from "decimal.js";
function time(name: string, f: () => unknown, n = 300000) {
  for (let i = 0; i < 30000; i++) f();
  const s = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(name.padEnd(30), (((performance.now() - s) / n) * 1000).toFixed(3), "µs");
}
const a = new Decimal("1234.56"),
  q = new Decimal("3"),
  r = new Decimal("0.06");
time("new D(str)", () => new Decimal("1234.56"));
time("times", () => a.times(q));
time("plus", () => a.plus(q));
time("toDP(2)", () => a.toDecimalPlaces(2));
time("toFixed(2)", () => a.toFixed(2));
time("toString", () => a.toString());
time("dp()", () => a.decimalPlaces());
time("div 1.06", () => a.div("1.06"));
time("isZero", () => a.isZero());
const G = DecimalJs.clone({ precision: 20, rounding: 4 });
const ga = new G("1234.56"),
  gq = new G("3");
time("p20 times", () => ga.times(gq));
time("p20 div", () => ga.div("1.06"));
