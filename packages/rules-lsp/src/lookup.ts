/** Finding what a word names in the visible packs: a rule by id, a parameter by name (with where it is declared). */
import { BUILTIN_PARAMETERS, type CompiledRule, type Pack, type Parameter } from "@efapiao/rules";
import { visiblePacks } from "./workspace.js";

/** The rule with this id, nearest pack first (a company pack's rule shadows nothing: ids are unique). */
export function findRule(pack: Pack, id: string): { rule: CompiledRule; pack: Pack } | undefined {
  for (const p of visiblePacks(pack)) {
    const rule = p.rules.find((r) => r.id === id);
    if (rule) return { rule, pack: p };
  }
  return undefined;
}

/** The parameter with this name as the run would see it: the nearest pack's declaration wins. */
export function findParameter(pack: Pack, name: string): Parameter | undefined {
  for (const p of visiblePacks(pack)) {
    const found = p.parameters.find((q) => q.name === name);
    if (found) return found;
  }
  return BUILTIN_PARAMETERS.find((q) => q.name === name);
}
