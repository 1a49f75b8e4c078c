/**
 * OFD locations (ST_Loc, GB/T 33190 §7.2): a path inside the package, absolute from the package root when
 * it starts with `/`, else relative to the directory of the file that names it. Resolution never leaves
 * the package: a `..` above the root, a URL or a backslash path is refused, not followed.
 */
import { type Diagnostic, error } from "@efapiao/model";

/**
 * The directory of a part, with its trailing slash ("" for the root).
 * @example
 * dirOf("Doc_0/Document.xml") // "Doc_0/"
 */
export function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/**
 * Resolves `loc`, named in `from`, to an entry name of the archive.
 * @example
 * resolveLoc("Doc_0/Document.xml", "Pages/Page_0/Content.xml")       // { ok: true, name: "Doc_0/Pages/Page_0/Content.xml" }
 * resolveLoc("OFD.xml", "/Doc_0/Signs/Sign_0/Signature.xml")         // { ok: true, name: "Doc_0/Signs/Sign_0/Signature.xml" }
 * resolveLoc("Doc_0/Document.xml", "../../etc/passwd")               // { ok: false, diagnostic: { rule: "OFD_LOC", … } }
 */
export function resolveLoc(
  from: string,
  loc: string,
): { ok: true; name: string } | { ok: false; diagnostic: Diagnostic } {
  const raw = loc.trim();
  const refuse = (zh: string, en: string) => ({
    ok: false as const,
    diagnostic: error("OFD_LOC", from, {
      zh: `${from} 引用的位置 “${raw}” 无效：${zh}`,
      en: `${from} refers to "${raw}", which is not a valid location: ${en}`,
    }),
  });
  if (raw === "") return refuse("为空", "it is empty");
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw))
    return refuse("不是包内路径", "it is not a path inside the package");
  if (raw.includes("\\")) return refuse("含有反斜杠", "it contains a backslash");
  const segments = raw.startsWith("/") ? [] : dirOf(from).split("/").filter(Boolean);
  for (const segment of raw.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0)
        return refuse("超出了 OFD 包的范围（路径穿越）", "it leads outside the OFD package (path traversal)");
      segments.pop();
    } else segments.push(segment);
  }
  if (segments.length === 0) return refuse("没有指向文件", "it names no file");
  return { ok: true, name: segments.join("/") };
}
