// Generated file. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * Your API key
   */
  apiKey: string;
  /**
   * The region
   */
  region?: string;
}
// Generated file. DO NOT MODIFY IT BY HAND.

export interface AudienceSettings {
  /**
   * The list to sync
   */
  listName?: string;
}
