/** The settings of the Userpilot destination, as its `settings` fields produce them. */
export interface Settings {
  token: string;
  endpoint?: string;
  shouldSegmentLoadSDK?: boolean;
}

/** The part of Userpilot's browser SDK (`globalThis.userpilot`) the actions call. */
export interface Userpilot {
  identify(userId: string, traits: Record<string, unknown>): void;
  track(eventName: string, properties: Record<string, unknown>): void;
  reload(pageName: string, properties: Record<string, unknown>): void;
}

declare global {
  /** Userpilot's SDK, once the page has it. */
  var userpilot: Userpilot | undefined;
  /** The settings Userpilot's SDK reads when it starts. */
  var userpilotSettings: Settings | undefined;
}
