import { useMemo, useState } from 'react';
import { flowsOf } from '@sop/model';
import { createSopCalendar } from '@sop/case-engine';
import { compileSop } from '@sop/compiler';
import { layoutSwimlanes } from '@sop/swimlane-layout';
import { fetchSop, type SopDetail } from '../api';
import { Notice } from '../components/Shell';
import { diagramHeaders } from '../diagram/diagram-headers';
import { SwimlaneDiagram } from '../diagram/SwimlaneDiagram';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { KartuPanel } from '../simulation/KartuPanel';
import { SimulationControls } from '../simulation/SimulationControls';
import { edgesTaken, highlightCss } from '../simulation/highlight-css';
import { act, advanceClock, DAY, defaultStart, fromLocalInput, HOUR, MINUTE, movesOf, startSimulation, toLocalInput, visitedSteps, type Simulation } from '../simulation/simulation';
import '../simulation/simulation.css';
import { useFetch } from '../use-fetch';
import type { SopEvent } from '@sop/compiler';

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
      {detail.state === 'ready' && <SimulationLoader detail={detail.value} />}
    </div>
  );
}

function SimulationLoader({ detail }: { detail: SopDetail }) {
  const { t } = useI18n();
  // the same compiler and engine as the server, run in the browser
  const compiled = useMemo(() => {
    try {
      return { flow: compileSop(detail.sop, { id: detail.id }), calendar: createSopCalendar(detail.sop) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [detail]);
  if ('error' in compiled) return <Notice kind="error">{t('simCompileFailed', { message: compiled.error ?? '' })}</Notice>;
  return <SimulationView detail={detail} flow={compiled.flow} calendar={compiled.calendar} />;
}

type Compiled = { flow: ReturnType<typeof compileSop>; calendar: ReturnType<typeof createSopCalendar> };

function SimulationView({ detail, flow, calendar }: { detail: SopDetail } & Compiled) {
  const { t, lang } = useI18n();
  const { sop } = detail;
  const timeZone = calendar.timeZone;
  const [startInput, setStartInput] = useState(() => toLocalInput(defaultStart(calendar, new Date()), timeZone));
  const [sim, setSim] = useState<Simulation>(() => startSimulation(flow, calendar, fromLocalInput(startInput, timeZone)!));
  /** The kartu kendali lines before the last move: the ones after it are what that move caused. */
  const [mark, setMark] = useState(sim.kartu.length);
  const [error, setError] = useState<string | null>(null);

  const layout = useMemo(() => layoutSwimlanes(sop, { flow: 'main', showMutuBaku: false }), [sop]);
  const headers = useMemo(() => diagramHeaders(t), [t]);
  const steps = flowsOf(sop).find((f) => f.id === 'main')!.steps;

  const move = (next: () => Simulation) => {
    try {
      const before = sim.kartu.length;
      setSim(next());
      setMark(before);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const restart = () => {
    const at = fromLocalInput(startInput, timeZone);
    if (!at) return;
    move(() => startSimulation(flow, calendar, at));
    setMark(1);
  };
  const onEvent = (event: SopEvent) => move(() => act(flow, calendar, sim, event));
  const advance = (ms: number) => move(() => advanceClock(flow, calendar, sim, new Date(sim.clock.getTime() + ms)));
  const jumpToDeadline = () => {
    if (!sim.state.dueAt) return;
    const to = Math.max(sim.clock.getTime(), sim.state.dueAt.getTime() + MINUTE);
    move(() => advanceClock(flow, calendar, sim, new Date(to)));
  };

  const done = sim.state.status === 'done';
  const css = useMemo(
    () => highlightCss('.sim-diagram', sim.state.step, visitedSteps(sim), edgesTaken(layout, movesOf(sim)), done),
    [sim, layout, done],
  );

  return (
    <article className="sop simulation" data-testid="sim-page" data-sop-id={detail.id} lang={lang}>
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
      />
      {error && (
        <div className="notice notice-error" role="alert" data-testid="sim-error">
          {error}
        </div>
      )}

      <div className="sim-layout">
        <section className="card diagram-card">
          <div className="card-head">
            <h2>{t('diagramTitle')}</h2>
            <ul className="legend" aria-label="legend">
              <li>
                <span className="sim-legend sim-legend-active" />
                {t('simActiveLegend')}
              </li>
              <li>
                <span className="sim-legend sim-legend-path" />
                {t('simPathLegend')}
              </li>
            </ul>
          </div>
          <div className="diagram sim-diagram" data-testid="diagram" data-active-step={sim.state.step}>
            <style>{css}</style>
            <SwimlaneDiagram layout={layout} steps={steps} headers={headers} />
          </div>
        </section>
        <KartuPanel flow={flow} sim={sim} timeZone={timeZone} />
      </div>
    </article>
  );
}
