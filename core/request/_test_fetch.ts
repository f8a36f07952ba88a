// Shared by this folder's tests: what a fake fetch was given, as plain values to compare.

/** One call a fake fetch received. */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  redirect: string | undefined;
  hasSignal: boolean;
}

/** Returns the call `fetch(url, init)` as plain values. */
export function describeFetchCall(url: string, init: RequestInit): SeenRequest {
  return {
    url,
    method: String(init.method),
    headers: Object.fromEntries(new Headers(init.headers)),
    body: init.body == null ? undefined : String(init.body),
    redirect: init.redirect,
    hasSignal: init.signal != null,
  };
}
