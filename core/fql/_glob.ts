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
