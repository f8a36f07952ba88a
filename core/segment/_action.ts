// One action of a Segment destination: map with destkit's mapping engine, validate with
// destkit's field engine, then `perform`/`performBatch` with Segment's inputs and results.
import type { CompiledFieldChecks, InputFields } from "../fields/mod.ts";
import {
  adoptAction,
  type CompiledAction,
} from "../destination/compile/_compile_action.ts";
import type { RunContext } from "../destination/run/_context.ts";
import { runBatch } from "../destination/run/_run_batch.ts";
import { type Route, runEvent } from "../destination/run/_run_event.ts";
import {
  policyContext,
  type RunPolicy,
} from "../destination/run/_run_policy.ts";
import { transform, transformBatch } from "../mapping/mod.ts";
import { resolveAudienceMembership, syncModeTypes } from "./_audience.ts";
import { ErrorCodes, MultiStatusErrorReporter } from "./_error_codes.ts";
import { IntegrationError } from "./_errors.ts";
import { ActionDestinationErrorResponse as NativeErrorResponse } from "../destination/mod.ts";
import { MultiStatusResponse as NativeMultiStatusResponse } from "../destination/mod.ts";
import {
  type ClientHooks,
  createSegmentClient,
  type DecoratedResponse,
  HTTPError,
  type RequestClient,
} from "./_request_client.ts";
import { validatePayloadOf } from "./_schema.ts";
import type {
  ActionDefinition,
  ActionHookType,
  RequestExtension,
  RequestFn,
  Result,
  ResultMultiStatusNode,
} from "./_types.ts";
import { get } from "./_values.ts";

// deno-lint-ignore no-explicit-any
type Bag = Record<string, any>;

/** What the destination hands an action for one event or one batch. */
export interface ExecuteBundle {
  data: unknown;
  mapping: Bag;
  settings: unknown;
  [key: string]: unknown;
}

/** Options of {@linkcode SegmentAction}. */
export interface ActionHooks extends ClientHooks {
  /** Receives every response, as Segment's `response` event does. */
  onResponse?: (response: DecoratedResponse) => void;
}

/** The bundle keys passed to `perform` as they are. */
const PASSED_ON = [
  "auth",
  "features",
  "statsContext",
  "personasContext",
  "logger",
  "engageDestinationCache",
  "transactionContext",
  "stateContext",
  "audienceSettings",
] as const;

/** A Segment action bound to its destination's name and `extendRequest`. */
export class SegmentAction {
  readonly definition: ActionDefinition<unknown>;
  readonly destinationName: string;
  readonly hasBatchSupport: boolean;
  readonly hasHookSupport: boolean;
  readonly #fields: InputFields | undefined;
  readonly #extendRequest: RequestExtension<unknown, unknown> | undefined;
  readonly #hooks: ActionHooks;
  readonly #compiled: CompiledAction;

  constructor(
    destinationName: string,
    definition: ActionDefinition<unknown>,
    extendRequest: RequestExtension<unknown, unknown> | undefined,
    hooks: ActionHooks,
  ) {
    this.definition = definition;
    this.destinationName = destinationName;
    this.hasBatchSupport = typeof definition.performBatch === "function";
    this.hasHookSupport = definition.hooks !== undefined;
    this.#fields = Object.keys(definition.fields ?? {}).length > 0
      ? definition.fields as unknown as InputFields
      : undefined;
    this.#extendRequest = extendRequest;
    this.#hooks = hooks;
    this.#compiled = adoptAction(
      definition.title ?? destinationName,
      definition,
      segmentFieldChecks(this.#fields),
    );
  }

  /**
   * Maps, validates and performs one event on core's executor (`runEvent`) with Segment's
   * run policy; the results are Segment's three steps, and what a step throws rejects.
   */
  async execute(bundle: ExecuteBundle): Promise<Result[]> {
    const route: Route = {
      action: this.#compiled,
      mapping: { resolve: (event) => transform(bundle.mapping, event) },
      mappingSource: bundle.mapping,
    };
    const result = await runEvent(this.#contextFor(bundle), route, bundle.data);
    const results: Result[] = [{ output: "Mappings resolved" }];
    if (this.#fields !== undefined) {
      results.push({ output: "Payload validated" });
    }
    results.push({
      data: result.output as Result["data"],
      output: "Action Executed",
    });
    return results;
  }

  /**
   * Maps and validates each event, then calls `performBatch` once, on core's executor
   * (`runBatch`) with Segment's run policy; one multi-status item per event.
   *
   * @throws {IntegrationError} `NotImplemented` (501) when the action has no `performBatch`.
   */
  async executeBatch(bundle: ExecuteBundle): Promise<ResultMultiStatusNode[]> {
    if (!this.hasBatchSupport) {
      throw new IntegrationError(
        "This action does not support batched requests.",
        "NotImplemented",
        501,
      );
    }
    const events = bundle.data as unknown[];
    if (!Array.isArray(events) || events.length === 0) {
      // Segment reads the mapping even for no events (and throws for no array).
      transformBatch(bundle.mapping, events);
      return [];
    }
    const route: Route = {
      action: this.#compiled,
      mapping: {
        resolve: (event) => transformBatch(bundle.mapping, [event])[0],
      },
      mappingSource: bundle.mapping,
    };
    const sent: { payloads: unknown[]; indices: readonly number[] } = {
      payloads: [],
      indices: [],
    };
    const results = await runBatch(
      this.#contextFor(bundle, sent),
      route,
      events,
    );
    const items: ResultMultiStatusNode[] = [];
    const valid = new Set(sent.indices);
    results.forEach((result, index) => {
      if (valid.has(index)) return;
      items[index] = {
        status: 400,
        errortype: ErrorCodes.PAYLOAD_VALIDATION_FAILED,
        errormessage: result.error?.message ?? "",
        errorreporter: MultiStatusErrorReporter.INTEGRATIONS,
      };
    });
    if (sent.indices.length === 0) return items;
    const response = results[sent.indices[0]].output;
    const fill = (status: number, body: unknown) => {
      sent.indices.forEach((index, k) => {
        items[index] = { status, body, sent: sent.payloads[k] } as never;
      });
    };
    if (response instanceof Response) {
      const read = response as Response & { data?: unknown; content?: unknown };
      fill(response.status, read.data ?? read.content ?? {});
    } else if (response instanceof HTTPError) {
      fill(response.response.status, response.message);
    } else if (response instanceof NativeMultiStatusResponse) {
      this.#fillFromMultiStatus(items, sent.indices, response);
    } else fill(200, {});
    return items;
  }

  /**
   * The context of one run on core's executor under Segment's policy: what a step throws
   * rejects, `perform` gets Segment's input and client; `sent` receives a batch's valid payloads.
   */
  #contextFor(
    bundle: ExecuteBundle,
    sent?: { payloads: unknown[]; indices: readonly number[] },
  ): RunContext {
    const policy: RunPolicy = {
      rethrow: true,
      perform: {
        input: (payload) => this.#performInput(bundle, payload) as never,
        batchInput: (payloads, indices) => {
          if (sent !== undefined) {
            sent.payloads = payloads;
            sent.indices = indices;
          }
          return this.#batchInput(bundle, payloads, indices) as never;
        },
        // Segment's client (its request mode) stands in for core's.
        client: (input) => this.#client(input) as never,
        output: responseData,
      },
    };
    return policyContext(this.destinationName, bundle.settings, policy);
  }

  /** The input `perform` receives for one validated payload. */
  #performInput(bundle: ExecuteBundle, payload: unknown): Bag {
    const syncMode = this.#syncMode(bundle.mapping);
    const membership = resolveAudienceMembership(bundle.data, syncMode);
    return {
      rawData: bundle.data,
      rawMapping: bundle.mapping,
      settings: bundle.settings,
      payload,
      ...(typeof membership === "boolean"
        ? { audienceMembership: membership }
        : {}),
      ...this.#passedOn(bundle),
      hookOutputs: this.#hookOutputs(bundle.mapping),
      syncMode,
      matchingKey: this.#matchingKey(bundle.mapping),
      subscriptionMetadata: bundle.subscriptionMetadata,
      signal: bundle.signal,
    };
  }

  /** The input `performBatch` receives for the valid payloads, at `indices` of the batch. */
  #batchInput(
    bundle: ExecuteBundle,
    payloads: unknown[],
    indices: readonly number[],
  ): Bag {
    const events = bundle.data as unknown[];
    const hookOutputs = this.#hookOutputs(bundle.mapping);
    const syncMode = this.#syncMode(bundle.mapping);
    return {
      rawData: events,
      rawMapping: bundle.mapping,
      settings: bundle.settings,
      audienceSettings: bundle.audienceSettings,
      payload: payloads,
      audienceMembership: indices.map((index) =>
        resolveAudienceMembership(events[index], syncMode)
      ),
      ...this.#passedOn(bundle),
      subscriptionMetadata: bundle.subscriptionMetadata,
      hookOutputs,
      syncMode,
      matchingKey: this.#matchingKey(bundle.mapping),
      signal: bundle.signal,
    };
  }

  /** Runs the dynamic field `field` (`key`, `parent.child`, `parent.[2].child`) or `dynamicFn`. */
  async executeDynamicField(
    field: string,
    data: Bag,
    dynamicFn?: RequestFn<unknown, unknown>,
  ): Promise<unknown> {
    if (typeof dynamicFn === "function") {
      return await this.#perform(dynamicFn, { ...data });
    }
    const { path, context } = this.#dynamicHandler(field);
    const fn = get(this.definition.dynamicFields, path);
    if (typeof fn !== "function") {
      return {
        choices: [],
        nextPage: "",
        error: {
          message: `No dynamic field named ${field} found.`,
          code: "404",
        },
      };
    }
    return await this.#perform(fn as RequestFn<unknown, unknown>, {
      ...data,
      dynamicFieldContext: context,
    });
  }

  /** Runs the hook `hookType` with `data.hookInputs`. */
  async executeHook(hookType: ActionHookType, data: Bag): Promise<unknown> {
    if (!this.hasHookSupport) {
      throw new IntegrationError(
        "This action does not support any hooks.",
        "NotImplemented",
        501,
      );
    }
    const hook = this.definition.hooks?.[hookType];
    if (hook?.performHook === undefined) {
      throw new IntegrationError(
        `Missing implementation for hook: ${hookType}.`,
        "NotImplemented",
        501,
      );
    }
    if (hook.inputFields !== undefined) {
      validatePayloadOf(
        hookInputFields(hook.inputFields as Bag),
        data.hookInputs,
      );
    }
    return await this.#perform(hook.performHook, data);
  }

  #dynamicHandler(field: string): { path: string; context?: Bag } {
    const inArray = /(.*)\.\[(\d+)\]\.(.*)/.exec(field);
    if (inArray !== null) {
      const [, parent, index, child] = inArray;
      return {
        path: `${parent}.${child}`,
        context: { selectedArrayIndex: parseInt(index, 10) },
      };
    }
    const inObject = /(.*)\.(.*)/.exec(field);
    if (inObject === null) return { path: field };
    const [, parent, child] = inObject;
    const fetchers = (this.definition.dynamicFields as Bag | undefined)
      ?.[parent];
    if (fetchers && !(child in fetchers)) {
      return { path: `${parent}.__values__`, context: { selectedKey: child } };
    }
    return { path: field };
  }

  #fillFromMultiStatus(
    items: ResultMultiStatusNode[],
    indices: readonly number[],
    response: NativeMultiStatusResponse,
  ): void {
    indices.forEach((index, k) => {
      const item = response.getResponseAtIndex(k);
      if (item === undefined) {
        items[index] = {
          status: 500,
          errormessage:
            "MultiStatusResponse is missing a response at the specified index",
          errortype: ErrorCodes.PAYLOAD_VALIDATION_FAILED,
          errorreporter: MultiStatusErrorReporter.INTEGRATIONS,
        };
      } else if (item instanceof NativeErrorResponse) {
        const value = item.value() as Bag;
        items[index] = {
          ...value,
          errorreporter: value.sent || value.body
            ? MultiStatusErrorReporter.DESTINATION
            : MultiStatusErrorReporter.INTEGRATIONS,
        } as ResultMultiStatusNode;
      } else items[index] = item.value() as ResultMultiStatusNode;
    });
  }

  #passedOn(bundle: ExecuteBundle): Bag {
    const passed: Bag = {};
    for (const key of PASSED_ON) passed[key] = bundle[key];
    return passed;
  }

  #syncMode(mapping: Bag | undefined): string | undefined {
    if (!this.definition.syncMode) return undefined;
    const value = mapping?.["__segment_internal_sync_mode"];
    return (syncModeTypes as readonly unknown[]).includes(value)
      ? value
      : undefined;
  }

  #matchingKey(mapping: Bag | undefined): string | undefined {
    const key = mapping?.["__segment_internal_matching_key"];
    return key ? String(key) : undefined;
  }

  #hookOutputs(mapping: Bag | undefined): Bag {
    const outputs: Bag = {};
    for (const hookType in this.definition.hooks ?? {}) {
      const values = mapping?.[hookType];
      if (values) outputs[hookType] = values;
    }
    return outputs;
  }

  #client(data: Bag): RequestClient {
    const options = this.#extendRequest?.(data as never) ?? {};
    const onResponse = this.#hooks.onResponse;
    return createSegmentClient(this.#hooks, [options, {
      signal: data.signal,
      afterResponse: onResponse === undefined ? [] : [
        (request, options, response) => {
          const decorated = response as DecoratedResponse;
          decorated.request = request;
          decorated.options = options;
          onResponse(decorated);
          return decorated;
        },
      ],
    }]);
  }

  async #perform(
    fn: (request: RequestClient, data: never) => unknown,
    data: Bag,
  ): Promise<unknown> {
    return responseData(await fn(this.#client(data), data as never));
  }
}

/** What Segment shows of a response `perform` resolved to: its data, else its text. */
function responseData(response: unknown): unknown {
  if (response instanceof Response) {
    const read = response as Response & { data?: unknown; content?: unknown };
    return read.data ?? read.content;
  }
  return response;
}

/** The payload validator of Segment's actions: none without fields, else `validatePayloadOf`. */
function segmentFieldChecks(
  fields: InputFields | undefined,
): CompiledFieldChecks {
  if (fields === undefined) {
    return {
      fields: {},
      validate: (payload) => ({
        payload: payload as Record<string, unknown>,
        warnings: [],
      }),
    };
  }
  return {
    fields,
    validate: (payload) => ({
      payload: validatePayloadOf(fields, payload),
      warnings: [],
    }),
  };
}

/** A hook's input fields with `dynamic` reduced to a boolean, as Segment validates them. */
function hookInputFields(fields: Bag): InputFields {
  const cast: Bag = {};
  for (const key of Object.keys(fields)) {
    cast[key] = { ...fields[key], dynamic: Boolean(fields[key].dynamic) };
  }
  return cast as InputFields;
}
