import { useMemo, useState } from 'react';
import { useOperationalHolidays, useOperationalHolidaysFailure } from '../holidays/use-operational-holidays';
import { flowsOf } from '@sop/model/graph';
import { runnability } from '@sop/model';
import { createSopCalendar } from '@sop/case-engine';
import { compileSop, startsOf, type CompiledFlow } from '@sop/compiler';
import { layoutSwimlanes } from '@sop/swimlane-layout';
import { fetchSop, type SopDetail } from '../api';
import { Notice } from '../components/Shell';
import { SourceIncompleteNotice } from '../components/SourceNotes';
import { diagramHeaders } from '../diagram/diagram-headers';
import { SwimlaneDiagram } from '../diagram/SwimlaneDiagram';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { PathLegend } from '../simulation/PathLegend';
import { KartuPanel } from '../simulation/KartuPanel';
import { SimulationControls } from '../simulation/SimulationControls';
import { edgesTaken, highlightCss } from '../simulation/highlight-css';
import { PeriodicSchedule } from '../simulation/PeriodicSchedule';
import { nextRunDue } from '../simulation/periodic';
import {
  act,
  advanceClock,
  answer,
  consultLane,
  DAY,
  scheduleUntil,
  defaultStart,
  fromLocalInput,
  HOUR,
  MINUTE,
  movesOf,
  startSimulation,
  toLocalInput,
  visitedSteps,
  type Simulation,
} from '../simulation/simulation';
import '../simulation/simulation.css';
import { useFetch } from '../use-fetch';
import type { SopEvent } from '@sop/compiler';
import { flowName } from '../periodic-words';

export function SimulateSopPage({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useFetch(`sop:${id}`, (signal) => fetchSop(id, signal));
  return (
    <div className="page">
      <Link href={`/sops/${id}`} className="back">
        {t('simBackToSop')}
      </Link>
      {detail.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {detail.state === 'error' && <Notice kind="error">{detail.status === 404 ? t('notFound', { id }) : t('loadFailed', { message: detail.message })}</Notice>}
      {detail.state === 'ready' && <RunnableOnly detail={detail.value} />}
    </div>
  );
}

/** An SOP that cannot run cases (its source is incomplete, or its flow is not whole) is only shown, never simulated. */
function RunnableOnly({ detail }: { detail: SopDetail }) {
  const { t } = useI18n();
  const verdict = useMemo(() => runnability(detail.sop), [detail.sop]);
  if (verdict.runnable) return <SimulationLoader detail={detail} />;
  return (
    <section className="card view-only" data-testid="view-only">
      <h2>{t('docViewOnly')}</h2>
      <SourceIncompleteNotice sop={detail.sop} />
      <p>{t('docViewOnlyLead')}</p>
      <ul>
        {verdict.reasons.map((reason, n) => (
          <li key={n} lang="en">
            {reason}
          </li>
        ))}
      </ul>
      <Link href={`/sops/${detail.id}`} className="button">
        {t('simBackToSop')}
      </Link>
    </section>
  );
}

function SimulationLoader({ detail }: { detail: SopDetail }) {
  const { t } = useI18n();
  // the same compiler, engine and holiday lists as the server, run in the browser
  const holidays = useOperationalHolidays(detail.id);
  const holidaysFailed = useOperationalHolidaysFailure(detail.id);
  const compiled = useMemo(() => {
    try {
      return { sop: compileSop(detail.sop, { id: detail.id }), calendar: createSopCalendar(detail.sop, holidays ?? {}) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [detail, holidays]);
  const [flowId, setFlowId] = useState('main');
  if ('error' in compiled) return <Notice kind="error">{t('simCompileFailed', { message: compiled.error ?? '' })}</Notice>;
  const flow = flowId === 'main' ? compiled.sop : compiled.sop.periodic[flowId];
  // a new flow starts a new simulation
  return (
    <>
      {holidaysFailed && (
        <p className="notice notice-warning" role="status" data-testid="sim-holidays-failed">
          {t('simHolidaysFailed', { message: holidaysFailed })}
        </p>
      )}
      <SimulationView key={flowId} detail={detail} flowId={flowId} onFlow={setFlowId} flow={flow} calendar={compiled.calendar} />
    </>
  );
}

interface SimulationViewProps {
  detail: SopDetail;
  /** `main` (the complaint flow) or a periodic procedure's id. */
  flowId: string;
  onFlow: (flowId: string) => void;
  flow: CompiledFlow;
  calendar: ReturnType<typeof createSopCalendar>;
}

/** The instant of a local date and time this page wrote itself (so always one). */
function instantOf(input: string, timeZone: string): Date {
  const at = fromLocalInput(input, timeZone);
  if (!at) throw new Error(`"${input}" is not a local date and time in ${timeZone}`);
  return at;
}

/** The flow the page was opened for (the route offers only the SOP's own flows). */
function flowById<F extends { id: string }>(flows: F[], flowId: string): F {
  const flow = flows.find((f) => f.id === flowId);
  if (!flow) throw new Error(`the SOP has no flow "${flowId}"`);
  return flow;
}

function SimulationView({ detail, flowId, onFlow, flow, calendar }: SimulationViewProps) {
  const { t, lang } = useI18n();

  const { sop } = detail;
  const timeZone = calendar.timeZone;
  const procedure = flowId === 'main' ? null : (sop.periodic ?? []).find((p) => p.id === flowId)!;
  const [startInput, setStartInput] = useState(() => toLocalInput(defaultStart(calendar, new Date()), timeZone));
  // several ways in (docs/adr/0009-several-starts.md): the channel the simulated complaint comes in by
  const starts = procedure ? [] : startsOf(flow);
  const channelChoices = starts.length > 1 ? starts.map((id) => ({ start: id, channels: flow.steps[id].channels ?? [] })) : [];
  const [channel, setChannel] = useState<string | null>(() => channelChoices[0]?.channels[0] ?? null);
  // a complaint is filed at the start; a periodic run opens only when the clock reaches its due time
  const [sim, setSim] = useState<Simulation | null>(() => (procedure ? null : startSimulation(flow, calendar, instantOf(startInput, timeZone), channel)));
  /** The virtual clock while no periodic run is open. */
  const [waitClock, setWaitClock] = useState(() => instantOf(startInput, timeZone));
  /** The periodic run being simulated: its period and when it opened. */
  const [run, setRun] = useState<{ period: string; openedAt: Date } | null>(null);
  /** The kartu kendali lines before the last move: the ones after it are what that move caused. */
  const [mark, setMark] = useState(sim?.kartu.length ?? 0);
  const [error, setError] = useState<string | null>(null);
  /** The simulated complaint's values of the form's choice fields, picked in the controls (routing, units). */
  const [values, setValues] = useState<Record<string, string>>({});
  const choiceFields = useMemo(() => (sop.intake?.form?.fields ?? []).filter((f) => f.type === 'choice'), [sop]);

  const layout = useMemo(() => layoutSwimlanes(sop, { flow: flowId, showMutuBaku: false }), [sop, flowId]);
  const headers = useMemo(() => diagramHeaders(t), [t]);
  const flows = flowsOf(sop);
  const steps = flowById(flows, flowId).steps;
  const clock = sim?.clock ?? waitClock;
  const runOpen = sim !== null && sim.state.status !== 'done';
  const next = useMemo(
    () => (procedure ? nextRunDue(procedure, calendar, runOpen ? new Date(run!.openedAt.getTime() + MINUTE) : clock, run?.period ?? null) : null),
    [procedure, calendar, runOpen, run, clock],
  );

  const move = (nextSim: () => Simulation, before = sim?.kartu.length ?? 0) => {
    try {
      setSim(nextSim());
      setMark(before);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const restart = () => {
    const at = fromLocalInput(startInput, timeZone);
    if (!at) return;
    if (procedure) {
      setSim(null);
      setRun(null);
      setWaitClock(at);
      setMark(0);
      setError(null);
      return;
    }
    move(() => startSimulation(flow, calendar, at, channel));
    setMark(1);
  };
  const chooseChannel = (chosen: string) => {
    setChannel(chosen);
    const at = fromLocalInput(startInput, timeZone);
    if (!at) return;
    move(() => startSimulation(flow, calendar, at, chosen));
    setMark(1);
  };
  const channelLabel = (id: string) => (id === 'web' ? t('consoleChannelWeb') : ((sop.intake?.channels ?? []).find((c) => c.id === id)?.label ?? id));
  const onEvent = (event: SopEvent) => sim && move(() => act(flow, calendar, sim, event));
  /**
   * Moves the virtual clock to `to`: deadlines passing on the way expire; for a periodic procedure
   * with no run open, a run falling due on the way opens at its due time, as the server's WorkLoop
   * opens it, and the clock goes on from there.
   */
  const advanceTo = (to: Date) => {
    if (procedure && !runOpen) {
      const due = nextRunDue(procedure, calendar, clock, run?.period ?? null);
      if (due && due.opensAt.getTime() <= to.getTime()) {
        setRun({ period: due.period, openedAt: due.opensAt });
        move(() => advanceClock(flow, calendar, startSimulation(flow, calendar, due.opensAt), to), 0);
        return;
      }
      if (!sim) {
        setWaitClock(to);
        return;
      }
    }
    if (sim) move(() => advanceClock(flow, calendar, sim, to));
  };
  const advance = (ms: number) => advanceTo(new Date(clock.getTime() + ms));
  const jumpToDeadline = () => {
    if (!sim?.state.dueAt) return;
    advanceTo(new Date(Math.max(sim.clock.getTime(), sim.state.dueAt.getTime() + MINUTE)));
  };
  const jumpToRun = () => {
    if (next) advanceTo(new Date(Math.max(clock.getTime(), next.opensAt.getTime())));
  };

  const done = sim?.state.status === 'done';
  const css = useMemo(
    () => (sim ? highlightCss('.sim-diagram', sim.state.step, visitedSteps(sim), edgesTaken(layout, movesOf(sim)), done) : ''),
    [sim, layout, done],
  );

  return (
    <article className="sop simulation" data-testid="sim-page" data-sop-id={detail.id} data-flow={flowId} lang={lang}>
      <header className="sop-head">
        <span className="eyebrow">
          {sop.identity.regency} · {sop.identity.office}
        </span>
        <h1>
          {t('simTitle')}: {sop.identity.title}
        </h1>
        <p className="sop-meta">
          <span className="badge">{t('sopVersion', { n: detail.version })}</span>
          <span>{t('simIntro')}</span>
        </p>
      </header>

      {flows.length > 1 && (
        <div className="tabs sim-flows" role="tablist" aria-label={t('simFlowLabel')}>
          {flows.map((f) => (
            <button key={f.id} type="button" role="tab" aria-selected={f.id === flowId} data-testid={`sim-flow-${f.id}`} onClick={() => onFlow(f.id)}>
              {flowName(detail, f.id, t)}
            </button>
          ))}
        </div>
      )}

      {procedure && (
        <PeriodicSchedule
          procedure={procedure}
          timeZone={timeZone}
          run={run}
          next={next}
          canJump={!runOpen}
          onJump={jumpToRun}
          waiting={
            sim ? null : { clock, startInput, onStartInput: setStartInput, onRestart: restart, onPlusHour: () => advance(HOUR), onPlusDay: () => advance(DAY) }
          }
        />
      )}
      {channelChoices.length > 0 && (
        <div className="card sim-channel" data-testid="sim-channel">
          <label>
            {t('simChannelLabel')}{' '}
            <select value={channel ?? ''} onChange={(e) => chooseChannel(e.target.value)} data-testid="sim-channel-select">
              {channelChoices.map(({ start, channels }) => (
                <optgroup key={start} label={flow.steps[start].label ?? flow.steps[start].activity ?? start}>
                  {channels.map((c) => (
                    <option key={c} value={c}>
                      {channelLabel(c)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <p className="muted">{t('simChannelHint')}</p>
        </div>
      )}
      {sim && (
        <SimulationControls
          flow={flow}
          sim={sim}
          timeZone={timeZone}
          startInput={startInput}
          onStartInput={setStartInput}
          onRestart={restart}
          onEvent={onEvent}
          onPlusHour={() => advance(HOUR)}
          onPlusDay={() => advance(DAY)}
          onJumpToDeadline={jumpToDeadline}
          newEntries={sim.kartu.slice(mark)}
          onConsult={(lane) => move(() => consultLane(flow, calendar, sim, lane))}
          onAnswer={() => move(() => answer(flow, calendar, sim))}
          onSchedule={(until) => move(() => scheduleUntil(flow, calendar, sim, until))}
          values={values}
          onValue={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
          choiceFields={choiceFields}
        />
      )}
      {error && (
        <div className="notice notice-error" role="alert" data-testid="sim-error">
          {error}
        </div>
      )}

      <div className="sim-layout">
        <section className="card diagram-card">
          <div className="card-head">
            <h2>{t('diagramTitle')}</h2>
            <PathLegend />
          </div>
          <div className="diagram sim-diagram" data-testid="diagram" data-flow={flowId} data-active-step={sim?.state.step ?? ''}>
            <style>{css}</style>
            <SwimlaneDiagram layout={layout} steps={steps} headers={headers} />
          </div>
        </section>
        {sim && <KartuPanel flow={flow} sim={sim} timeZone={timeZone} periodic={procedure !== null} />}
      </div>
    </article>
  );
}
