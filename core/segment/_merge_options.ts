// Segment's client merges option objects its own way, and destinations depend on it: a key
// whose value is an object in both is merged recursively, arrays are concatenated, and every
// merged object gets a `headers` key (a `Headers`, empty unless the sources had headers). So
// `searchParams` from `extendRequest` and from the call merge, and the result also carries
// `headers=[object Object]` in the query string, as Segment sends it.

// deno-lint-ignore no-explicit-any
type Bag = Record<string, any>;

function isObjectLike(value: unknown): value is object {
  return value !== null && typeof value === "object";
}

/** Merges two header sets as Segment's client does: the string `"undefined"` removes a header. */
function mergeHeaders(first: unknown, second: unknown): Headers {
  const result = new Headers((first ?? {}) as HeadersInit);
  new Headers((second ?? {}) as HeadersInit).forEach((value, key) => {
    if (value === "undefined") result.delete(key);
    else result.set(key, value);
  });
  return result;
}

/** Merges option objects (or any values) in order, with Segment's rules. */
export function segmentMerge(...sources: unknown[]): Bag {
  // deno-lint-ignore no-explicit-any
  let result: any = {};
  let headers = new Headers();
  for (const source of sources) {
    if (Array.isArray(source)) {
      result = Array.isArray(result) ? [...result, ...source] : [...source];
    } else if (isObjectLike(source)) {
      for (const [key, entry] of Object.entries(source)) {
        result[key] = isObjectLike(entry) && key in result
          ? segmentMerge(result[key], entry)
          : entry;
      }
      const given = (source as Bag).headers;
      if (isObjectLike(given)) headers = mergeHeaders(headers, given);
    }
    result.headers = headers;
  }
  return result;
}

/** The query string Segment's client builds from `searchParams` (`undefined` is sent as "undefined"). */
export function segmentQuery(searchParams: unknown): string | undefined {
  if (searchParams === undefined || searchParams === null) return undefined;
  if (typeof searchParams === "string") {
    return new URLSearchParams(searchParams).toString();
  }
  if (searchParams instanceof URLSearchParams) return searchParams.toString();
  if (!isObjectLike(searchParams)) return String(searchParams);
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(searchParams)) {
    // node-fetch's Headers print as "[object Object]" where the web's print "[object Headers]".
    pairs.push([
      key,
      value instanceof Headers ? "[object Object]" : String(value),
    ]);
  }
  return new URLSearchParams(pairs).toString();
}
