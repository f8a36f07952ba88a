/** The settings of the Hubble destination, as its `settings` fields produce them. */
export interface Settings {
  appID: string;
}

/** The part of Hubble's browser SDK (`globalThis.Hubble`) the actions call. */
export interface Hubble {
  id: string;
  initialized: boolean;
  _queue: (() => void)[];
  _emitter?: { setSource(source: string): void } | null;
  track?(event: string, attributes?: Record<string, unknown>): void;
  identify?(userId: string, attributes?: Record<string, unknown>): void;
}

declare global {
  /** Hubble's SDK, once the page has it. */
  var Hubble: Hubble | undefined;
}
