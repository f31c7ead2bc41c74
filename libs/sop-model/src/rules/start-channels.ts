import { didYouMean, listNames } from '../did-you-mean';
import { error, type SopRule } from './sop-rule';
import type { UnlocatedIssue } from '../sop-issue';

/** The public web form's own channel: not declared under intake.channels, but a start may serve it. */
export const WEB_FORM_CHANNEL = 'web';

/**
 * Several ways in: when the per-complaint flow has several starts, each lists the intake channels it
 * serves, every declared channel is served by exactly one start, and a start names only declared
 * channels (or `web`, the public form). A flow with one start serves every channel.
 */
export const startChannels: SopRule = {
  id: 'start-channels',
  check({ sop, graphs }) {
    const issues: UnlocatedIssue[] = [];
    const declared = (sop.intake?.channels ?? []).map((c) => c.id);
    const known = [...declared, WEB_FORM_CHANNEL];
    for (const graph of graphs) {
      graph.flow.steps.forEach((step, i) => {
        if (step.channels && (step.kind !== 'start' || graph.flow.id !== 'main')) {
          issues.push(
            error(
              'channels-not-on-start',
              `${graph.flow.pointer}/${i}/channels`,
              `step "${step.id}" lists channels, but only a start of the per-complaint flow serves intake channels: remove them`,
            ),
          );
        }
      });
    }
    const main = graphs.find((g) => g.flow.id === 'main');
    if (!main || main.starts.length < 2 || !main.starts.every((s) => s.channels)) return issues;
    const servedBy = new Map<string, string>();
    main.flow.steps.forEach((step, i) => {
      if (step.kind !== 'start' || !step.channels) return;
      step.channels.forEach((channel, j) => {
        const at = `${main.flow.pointer}/${i}/channels/${j}`;
        if (!known.includes(channel)) {
          issues.push(
            error(
              'unknown-start-channel',
              at,
              `channel "${channel}" is not declared under intake.channels${didYouMean(channel, known)}; channels: ${listNames(known)}`,
            ),
          );
          return;
        }
        const other = servedBy.get(channel);
        if (other !== undefined) {
          issues.push(
            error(
              'channel-on-two-starts',
              at,
              `channel "${channel}" is already served by the start "${other}": a complaint that comes in one way begins at one start; remove it from one of them`,
            ),
          );
          return;
        }
        servedBy.set(channel, step.id);
      });
    });
    (sop.intake?.channels ?? []).forEach((channel, k) => {
      if (servedBy.has(channel.id)) return;
      issues.push(
        error(
          'channel-without-start',
          `/intake/channels/${k}/id`,
          `channel "${channel.id}" is served by no start: with several starts each channel begins at one; add it to the channels of ${listNames(main.starts.map((s) => s.id))}`,
        ),
      );
    });
    return issues;
  },
};
