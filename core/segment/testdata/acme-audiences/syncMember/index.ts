import {
  ActionDefinition,
  IntegrationError,
  MultiStatusResponse,
  omit,
  RetryableError,
} from "@segment/actions-core";
import type { AudienceSettings, Settings } from "../generated-types";
import type { HookBundle, Payload } from "./generated-types";

const action: ActionDefinition<
  Settings,
  Payload,
  AudienceSettings,
  HookBundle["retlOnMappingSave"]["inputs"],
  HookBundle["retlOnMappingSave"]["outputs"]
> = {
  title: "Sync Member",
  description: "Adds or removes a member of a list",
  defaultSubscription: 'type = "track"',
  syncMode: {
    description: "How members are synced",
    label: "Sync mode",
    default: "upsert",
    choices: [
      { label: "Upsert", value: "upsert" },
      { label: "Delete", value: "delete" },
    ],
  },
  fields: {
    email: {
      label: "Email",
      description: "Email",
      type: "string",
      required: true,
      default: { "@path": "$.properties.email" },
    },
    attributes: {
      label: "Attributes",
      description: "Extra",
      type: "object",
      defaultObjectUI: "keyvalue",
      dynamic: true,
    },
    labels: {
      label: "Labels",
      description: "Labels",
      type: "string",
      multiple: true,
    },
    batch_keys: {
      label: "Batch keys",
      description: "Keys",
      type: "string",
      unsafe_hidden: true,
      required: false,
      multiple: true,
      default: ["email"],
    },
  },
  dynamicFields: {
    attributes: {
      __keys__: async (request, { settings }) => {
        const response = await request<{ keys: string[] }>(
          `https://api.acme.test/${settings.region ?? "us"}/attributes`,
        );
        return {
          choices: response.data.keys.map((key) => ({
            label: key,
            value: key,
          })),
        };
      },
    },
  },
  hooks: {
    retlOnMappingSave: {
      label: "Create list",
      description: "Creates the list",
      inputFields: {
        listName: {
          label: "List",
          description: "Name",
          type: "string",
          required: true,
        },
      },
      outputTypes: {
        listId: {
          label: "List id",
          description: "Id",
          type: "string",
          required: true,
        },
      },
      performHook: async (request, { hookInputs }) => {
        const response = await request<{ id: string }>(
          "https://api.acme.test/lists",
          { method: "post", json: { name: hookInputs?.listName } },
        );
        return {
          successMessage: "Created",
          savedData: { listId: response.data.id },
        };
      },
    },
  },
  perform: async (
    request,
    {
      payload,
      syncMode,
      hookOutputs,
      statsContext,
      audienceSettings,
      features,
      logger,
    },
  ) => {
    statsContext?.statsClient?.incr("acme.sync", 1, statsContext?.tags);
    logger?.info("syncing");
    if (!syncMode) {
      throw new IntegrationError(
        "Sync mode is required",
        "MISSING_SYNC_MODE",
        400,
      );
    }
    if (features?.["acme-beta"]) throw new RetryableError("Beta is down");
    return request("https://api.acme.test/members", {
      method: syncMode === "delete" ? "delete" : "put",
      json: {
        ...omit(payload, ["batch_keys"]),
        list: hookOutputs?.retlOnMappingSave?.listId ??
          audienceSettings?.listName,
      },
    });
  },
  performBatch: async (request, { payload }) => {
    const response = await request("https://api.acme.test/members/batch", {
      method: "post",
      json: payload,
      throwHttpErrors: false,
    });
    const result = new MultiStatusResponse();
    payload.forEach((item) => {
      if (response.status >= 400) {
        result.pushErrorResponse({
          status: response.status,
          errormessage: "Batch failed",
          sent: item as never,
          body: response.content,
        });
      } else {
        result.pushSuccessResponse({
          status: 200,
          sent: item as never,
          body: "ok",
        });
      }
    });
    return result;
  },
};

export default action;
