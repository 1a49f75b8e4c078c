/**
 * The pack a rule file belongs to, as the compiler sees it: every `.rules` file of its directory (an open
 * editor's text wins over the file on disk), compiled on top of the standard pack — unless the directory is
 * the standard pack itself. This is how `efapiao validate --rules DIR` reads a company pack, so the editor
 * shows the same problems the command line would.
 */
import { basename, dirname, join } from "node:path";
import { compilePack, type Pack, type RuleSource } from "@efapiao/rules";

export interface RuleFile {
  /** Absolute path on disk. */
  path: string;
  text: string;
}

export interface PackContext {
  /** The file being edited. */
  file: RuleFile;
  /** The other `.rules` files of its directory, with their current text. */
  siblings: RuleFile[];
  /** The packs this one builds on (the standard pack, or none when editing the standard pack). */
  extends: Pack[];
}

/** The name the compiler gives a file in diagnostics and rule sources: `DIR/FILE.rules`. */
export function sourceName(path: string): string {
  return `${basename(dirname(path))}/${basename(path)}`;
}

/** The path on disk of a pack's source, from its name and directory. */
export function sourcePath(source: Pick<RuleSource, "name" | "dir">): string | undefined {
  return source.dir === undefined ? undefined : join(source.dir, basename(source.name));
}

/** Compiles the file's pack (files in name order, as `loadPack` reads them). */
export function compileContext(context: PackContext): Pack {
  const files = [context.file, ...context.siblings].sort((a, b) =>
    basename(a.path) < basename(b.path) ? -1 : 1,
  );
  const sources = files.map((f) => ({ name: sourceName(f.path), text: f.text, dir: dirname(f.path) }));
  return compilePack(sources, { name: basename(dirname(context.file.path)), extends: context.extends });
}

/** Every pack visible from `pack`: itself and the packs it extends, nearest first. */
export function visiblePacks(pack: Pack): Pack[] {
  const out: Pack[] = [];
  const visit = (p: Pack) => {
    if (out.includes(p)) return;
    out.push(p);
    p.extends.forEach(visit);
  };
  visit(pack);
  return out;
}
