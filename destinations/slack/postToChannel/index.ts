import { defineAction } from "@destkit/core";

/** Posts a message to a Slack channel through an incoming webhook. */
export default defineAction({
  title: "Post to Channel",
  description: "Post a message to a Slack channel",
  defaultSubscription: 'type = "track"',
  fields: {
    webhookUrl: {
      label: "Webhook URL",
      description: "Slack webhook URL.",
      type: "string",
      format: "uri",
      required: true,
    },
    text: {
      label: "Message",
      description:
        "The text message to post to Slack. You can use [Slack's formatting syntax.](https://api.slack.com/reference/surfaces/formatting)",
      type: "string",
      required: true,
    },
    channel: {
      label: "Channel",
      description: "Slack channel to post message to.",
      type: "string",
    },
    username: {
      label: "User",
      description: "User name to post messages as.",
      type: "string",
      default: "Segment",
    },
    icon_url: {
      label: "Icon URL",
      description: "URL for user icon image.",
      type: "string",
      format: "uri",
      default: "https://logo.clearbit.com/segment.com",
    },
  },
  perform: (request, { payload }) => {
    return request(payload.webhookUrl, {
      method: "post",
      responseType: "text",
      json: {
        channel: payload.channel,
        text: payload.text,
        username: payload.username,
        icon_url: payload.icon_url,
      },
    });
  },
});
