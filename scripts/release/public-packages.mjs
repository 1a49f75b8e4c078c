// Prints the directory of every public (not private) workspace package, one per line, in a stable order.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const roots = ["packages", "packages/adapters", "apps"];
for (const root of roots) {
  for (const name of readdirSync(root).sort()) {
    const file = join(root, name, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8"));
    if (!pkg.private) console.log(join(root, name));
  }
}
