import { useMemo } from 'react';
import { flowsOf } from '@sop/model';
import { useI18n } from '../i18n';
import { useFetch } from '../use-fetch';
import { channelText } from './channel-words';
import { fetchSopVersion, type SopForIntake } from './console-api';

/** An SOP version as the console needs it, with lookups of its lanes, channels and steps. */
export function useSopVersion(id: string, version?: number) {
  // a numbered version never changes: kept for the visit, so the inbox, the case and its kartu share it
  return useFetch(`console-sop:${id}:${version ?? 'latest'}`, (signal) => fetchSopVersion(id, version, signal), { immutable: version !== undefined });
}

export interface SopLookups {
  laneName(lane: string | null): string;
  channelLabel(channel: string | null): string;
  /** Steps of the main flow and the periodic ones worked in the given lanes, in order. */
  stepsIn(lanes: string[]): { id: string; number: string | null; text: string }[];
  /** The lane that receives a new complaint (the step after the first start): who may register one. */
  intakeLane: string | null;
  /** The intake lane of every path (several when the flow has several starts, docs/adr/0009-several-starts.md). */
  intakeLanes: string[];
  /** The intake lane of the path a channel begins on: who may register a complaint that came in that way. */
  intakeLaneOf(channel: string): string | null;
}

export function useSopLookups(detail: SopForIntake | null, webLabel: string): SopLookups {
  const { lang } = useI18n();
  return useMemo(() => {
    const sop = detail?.sop;
    const lanes = new Map((sop?.lanes ?? []).map((l) => [l.id, l.name]));
    // one vocabulary across regencies: the channel's kind, with the SOP's own label as detail
    const channels = new Map((detail?.channels ?? []).map((c) => [c.id, channelText(c.kind, c.label, lang)]));
    const flows = sop ? flowsOf(sop) : [];
    const main = flows.find((f) => f.id === 'main');
    const starts = main?.steps.filter((s) => s.kind === 'start') ?? [];
    const laneAfter = (start: (typeof starts)[number] | undefined) => (start?.next ? (main?.steps.find((s) => s.id === start.next)?.lane ?? null) : null);
    // a flow with one start serves every channel; with several, the start listing the channel (web: else the first)
    const startOf = (channel: string) =>
      starts.length > 1 ? (starts.find((s) => s.channels?.includes(channel)) ?? (channel === 'web' ? starts[0] : undefined)) : starts[0];
    const intakeLanes = [...new Set(starts.map(laneAfter).filter((l): l is string => l !== null))];
    return {
      laneName: (lane) => (lane ? (lanes.get(lane) ?? lane) : '—'),
      // open311: a partner application's form (docs/integrations-open311-lapor.md), a proper name in both languages
      channelLabel: (channel) => (!channel ? '—' : channel === 'web' ? webLabel : (channels.get(channel) ?? (channel === 'open311' ? 'Open311' : channel))),
      stepsIn: (wanted) =>
        flows.flatMap((f) =>
          f.steps
            .filter((s) => wanted.includes(s.lane) && s.kind !== 'start' && s.kind !== 'end')
            .map((s) => ({ id: s.id, number: s.number ?? null, text: s.label ?? s.activity ?? s.id })),
        ),
      intakeLane: laneAfter(starts[0]),
      intakeLanes,
      intakeLaneOf: (channel) => laneAfter(startOf(channel)),
    };
  }, [detail, webLabel, lang]);
}
