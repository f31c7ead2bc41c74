import { useMemo } from 'react';
import { flowsOf, type SopDocument } from '@sop/model';
import { layoutSwimlanes } from '@sop/swimlane-layout';
import { diagramHeaders } from '../diagram/diagram-headers';
import { SwimlaneDiagram } from '../diagram/SwimlaneDiagram';
import { useI18n } from '../i18n';
import { edgesTaken, highlightCss } from '../simulation/highlight-css';
import { PathLegend } from '../simulation/PathLegend';
import '../simulation/simulation.css';
import type { KartuLine } from './console-api';

/** The SOP's swimlane with the case's current step and the path it took highlighted (as in the simulation). */
export function CaseDiagram({ sop, flow, current, done, kartu }: { sop: SopDocument; flow: string; current: string; done: boolean; kartu: KartuLine[] }) {
  const { t } = useI18n();
  const layout = useMemo(() => layoutSwimlanes(sop, { flow, showMutuBaku: false }), [sop, flow]);
  const headers = useMemo(() => diagramHeaders(t), [t]);
  const steps = useMemo(() => flowsOf(sop).find((f) => f.id === flow)?.steps ?? [], [sop, flow]);
  const css = useMemo(() => {
    const moves = kartu.flatMap((k) => (k.from.step && k.to.step ? [{ from: k.from.step.id, to: k.to.step.id, outcome: k.outcome }] : []));
    const visited = [...new Set(kartu.flatMap((k) => [k.from.step?.id, k.to.step?.id]).filter((s): s is string => !!s))];
    return highlightCss('.console-diagram', current, visited, edgesTaken(layout, moves), done);
  }, [kartu, layout, current, done]);
  return (
    <section className="card diagram-card console-diagram-card">
      <div className="card-head">
        <h2>{t('diagramTitle')}</h2>
        <PathLegend />
      </div>
      <div className="diagram console-diagram" data-testid="diagram" data-active-step={current}>
        <style>{css}</style>
        <SwimlaneDiagram layout={layout} steps={steps} headers={headers} />
      </div>
    </section>
  );
}
