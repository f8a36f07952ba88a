// A cloud destination that uses every part the tester runs: OAuth with a token
// refresh, testAuthentication, onDelete, presets, performBatch and a dynamic field.
import { defineDestination } from "@destkit/core";

export default defineDestination({
  name: "Kitchen Sink",
  slug: "actions-kitchen-sink",
  mode: "cloud",
  description: "Every kind of call the tester makes.",
  authentication: {
    scheme: "oauth2",
    fields: {
      region: {
        label: "Region",
        description: "The API region.",
        type: "string",
        default: "eu",
      },
    },
    testAuthentication: (request) => request("https://api.sink.test/me"),
    refreshAccessToken: async (request, { auth }) => {
      await request("https://api.sink.test/oauth/token", {
        method: "post",
        json: { refresh_token: auth?.refreshToken },
      });
      return { accessToken: "fresh-token" };
    },
  },
  extendRequest: ({ auth }) => ({
    headers: { authorization: `Bearer ${auth?.accessToken}` },
  }),
  onDelete: (request, { payload }) =>
    request("https://api.sink.test/users/delete", {
      method: "post",
      json: { user_id: payload.userId },
    }),
  presets: [{
    name: "Orders",
    subscribe: 'type = "track" and event = "Order Completed"',
    partnerAction: "sendOrder",
    type: "automatic",
  }],
  actions: {
    sendOrder: {
      title: "Send Order",
      description: "Sends an order.",
      defaultSubscription: 'type = "track"',
      fields: {
        orderId: {
          label: "Order ID",
          description: "The order's identifier.",
          type: "string",
          required: true,
          default: { "@path": "$.properties.order_id" },
        },
        total: {
          label: "Total",
          description: "The order's total.",
          type: "number",
          default: { "@path": "$.properties.total" },
        },
        plan: {
          label: "Plan",
          description: "The customer's plan.",
          type: "string",
          choices: [
            { label: "Free", value: "free" },
            { label: "Pro", value: "pro" },
          ],
        },
        list: {
          label: "List",
          description: "The partner list to add the order to.",
          type: "string",
          dynamic: true,
        },
      },
      dynamicFields: {
        list: async (request) => {
          await request("https://api.sink.test/lists");
          return {
            choices: [{ label: "Customers", value: "list-1" }, {
              label: "Leads",
              value: "list-2",
            }],
          };
        },
      },
      perform: (request, { payload }) =>
        request("https://api.sink.test/orders", {
          method: "post",
          json: payload,
        }),
      performBatch: (request, { payload }) =>
        request("https://api.sink.test/orders/batch", {
          method: "post",
          json: payload,
        }),
    },
  },
});
