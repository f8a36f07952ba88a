// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * Email
   */
  email: string;
  /**
   * Extra attributes
   */
  attributes?: {
    [k: string]: unknown;
  };
  /**
   * Labels
   */
  labels?: string[];
  /**
   * Batch keys
   */
  batch_keys?: string[];
}
// Generated file. DO NOT MODIFY IT BY HAND.

export interface HookBundle {
  retlOnMappingSave: {
    inputs?: {
      listName: string;
    };
    outputs?: {
      listId: string;
    };
  };
}
