"use strict";
// A destination compiled to CommonJS the way tsc compiles Segment's package
// (dist/destinations/<name>/index.js): the README's loader example loads it.
Object.defineProperty(exports, "__esModule", { value: true });
const actions_core_1 = require("@segment/actions-core");
const destination = {
  name: "Compiled Example",
  mode: "cloud",
  actions: {
    send: {
      title: "Send",
      description: "Sends the event name",
      defaultSubscription: 'type = "track"',
      fields: {
        name: {
          label: "Name",
          description: "The event name",
          type: "string",
          required: true,
          default: { "@path": "$.event" },
        },
      },
      perform: (request, { payload }) =>
        request("https://api.example.test/events", {
          method: "post",
          json: (0, actions_core_1.omit)(payload, []),
        }),
    },
  },
};
exports.default = destination;
