/** Compiles a glob (`*` any run, `?` one UTF-16 code unit) into a string test. */
export function compileGlob(pattern: string): (text: string) => boolean {
  const star = pattern.indexOf("*");
  if (!pattern.includes("?")) {
    if (star === -1) return (text) => text === pattern;
    const rest = pattern.slice(star + 1);
    if (!rest.includes("*")) {
      const prefix = pattern.slice(0, star);
      if (prefix === "") return (text) => text.endsWith(rest);
      if (rest === "") return (text) => text.startsWith(prefix);
      const least = prefix.length + rest.length;
      return (text) =>
        text.length >= least && text.startsWith(prefix) && text.endsWith(rest);
    }
    if (star === 0 && rest.indexOf("*") === rest.length - 1) {
      const middle = rest.slice(0, -1);
      return (text) => text.includes(middle);
    }
  }
  return (text) => matchGlob(pattern, text);
}

/** The classic two-pointer matcher: linear in practice, O(n·m) at worst, no allocation. */
export function matchGlob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    const char = pattern[p];
    if (char === "*") {
      starAt = p++;
      resumeAt = t;
    } else if (p < pattern.length && (char === "?" || char === text[t])) {
      p++;
      t++;
    } else if (starAt !== -1) {
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}
