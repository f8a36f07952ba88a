/**
 * The "physical limit" baseline: the payload the bench-webhook `sendEvent`
 * mapping produces (after resolving, cleaning and validation), built with plain
 * property access. A TypeScript port of the shared `scenario/handwritten.mjs`.
 *
 * @module
 */
import type { BenchEvent } from "./events.ts";

/** The `sendEvent` payload of one event, keys in field order. */
export interface BenchPayload {
  event_name: string;
  user_id: string;
  message_id: string;
  timestamp: string;
  revenue?: number;
  logged_in?: boolean;
  page_url?: string;
  label?: string;
  user: { email?: string; name?: string; plan?: string };
  products?: BenchPayloadProduct[];
  coupon?: string;
}

/** One item of the payload's `products`. */
export interface BenchPayloadProduct {
  product_id?: string;
  sku?: string;
  name?: string;
  price?: number;
  quantity?: number;
}

function isPresent<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

/**
 * Returns the payload of `event` for the `sendEvent` action, as the
 * subscription's mapping would produce it.
 *
 * @example
 * ```ts
 * import { makeEvent } from "./events.ts";
 * import { buildPayload } from "./handwritten.ts";
 * import assert from "node:assert/strict";
 *
 * const event = makeEvent(9999);
 * assert.equal(buildPayload(event).message_id, event.messageId);
 * ```
 */
export function buildPayload(event: BenchEvent): BenchPayload {
  const props = event.properties;
  const ctx = event.context;
  const traits = ctx?.traits;
  const out = {} as BenchPayload;
  out.event_name = event.event;
  out.user_id = isPresent(event.userId) ? event.userId : event.anonymousId;
  out.message_id = event.messageId;
  out.timestamp = event.timestamp;
  if (props && isPresent(props.revenue)) out.revenue = props.revenue;
  if (props && isPresent(props.logged_in)) out.logged_in = props.logged_in;
  if (ctx?.page && isPresent(ctx.page.url)) out.page_url = ctx.page.url;
  // the template renders a missing value as "", so the label is never empty
  out.label = `${props?.category ?? ""} / ${event.event ?? ""}`;
  const user: BenchPayload["user"] = {};
  if (traits) {
    if (isPresent(traits.email)) user.email = traits.email;
    if (isPresent(traits.first_name)) {
      user.name = `${traits.first_name ?? ""} ${traits.last_name ?? ""}`;
    }
    if (isPresent(traits.plan)) user.plan = traits.plan;
  }
  out.user = user;
  const products = props?.products;
  if (Array.isArray(products)) {
    const list = new Array<BenchPayloadProduct>(products.length);
    for (let i = 0; i < products.length; i++) {
      const p = products[i];
      const item: BenchPayloadProduct = {};
      if (isPresent(p.product_id)) item.product_id = p.product_id;
      if (isPresent(p.sku)) item.sku = p.sku;
      if (isPresent(p.name)) item.name = p.name;
      if (isPresent(p.price)) item.price = p.price;
      if (isPresent(p.quantity)) item.quantity = p.quantity;
      list[i] = item;
    }
    out.products = list;
  }
  if (props && isPresent(props.coupon)) out.coupon = props.coupon;
  return out;
}
