import type { CompiledFlow } from './compile-sop';

/** The public web form's own channel (not declared under intake.channels). */
const WEB_FORM = 'web';
/**
 * Open311 GeoReport v2 clients (docs/adr/0018-open311-and-lapor-exchange.md): another web form, on a
 * partner's site. Not declared under intake.channels; its complaints begin where the web form's do.
 */
export const OPEN311_CHANNEL = 'open311';

/** The start steps of a compiled flow, in declaration order. */
export function startsOf(flow: CompiledFlow): string[] {
  return Object.values(flow.steps)
    .filter((meta) => meta.kind === 'start')
    .map((meta) => meta.stepId);
}

/**
 * The start a complaint that came in on `channel` begins at (docs/adr/0009-several-starts.md).
 * A flow with one start serves every channel. With several starts, the start that lists the
 * channel; the public form (`web`) or no channel at all, when no start lists `web`, begins at the
 * flow's first start (the machine's `initial`). An Open311 request (`open311`) begins where `web` does.
 *
 * @throws Error for a channel no start serves (the validator refuses such an SOP).
 * @example
 * startFor(compiled, 'tatap-muka') // 'aduan-langsung' in two-ways-in.yaml
 */
export function startFor(flow: CompiledFlow, channel: string | null | undefined): string {
  const starts = startsOf(flow);
  if (starts.length <= 1) return flow.config.initial;
  if (channel === OPEN311_CHANNEL) return startFor(flow, WEB_FORM);
  const serving = starts.find((id) => channel != null && flow.steps[id].channels?.includes(channel));
  if (serving) return serving;
  if (channel == null || channel === WEB_FORM) return flow.config.initial;
  throw new Error(`channel "${channel}" is served by no start of ${flow.id}`);
}

/**
 * The lane that receives a complaint that came in on `channel`: the lane of the step after that
 * channel's start (the intake lane of its path).
 */
export function intakeLaneFor(flow: CompiledFlow, channel: string | null | undefined): string {
  const start = flow.steps[startFor(flow, channel)];
  return flow.steps[start.events[0].target].lane;
}

/** The intake lanes of every path, first start first, without repeats. */
export function intakeLanesOf(flow: CompiledFlow): string[] {
  return [...new Set(startsOf(flow).map((id) => flow.steps[flow.steps[id].events[0].target].lane))];
}
