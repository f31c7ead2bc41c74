import { useEffect, useMemo } from 'react';
import { Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Step } from '@sop/model/graph';
import { nodeTags, type ConstructWords, type SwimlaneLayout } from '@sop/swimlane-layout';
import { useI18n } from '../i18n';
import { constructWords, type diagramHeaders } from './diagram-headers';
import { edgeWords, flowAriaLabels, nodeAria, type EdgeWords, type NodeAria } from './flow-aria';
import { flowEdge } from './flow-edge';
import { OrthogonalEdge, type OrthogonalEdgeType } from './OrthogonalEdge';
import { sheetSymbolsHtml, type GapWords } from './sheet-markup';
import { SheetNode, type SheetNodeType } from './SheetNode';
import { StepNode, stepHandles, type StepNodeType } from './StepNode';
import { useReadableView } from './use-readable-view';

const nodeTypes = { sheet: SheetNode, step: StepNode };
const edgeTypes = { orthogonal: OrthogonalEdge };

export interface SwimlaneDiagramProps {
  layout: SwimlaneLayout;
  steps: Step[];
  headers: ReturnType<typeof diagramHeaders>;
  /**
   * A diagram only to look at (the SOP page): the symbols and arrows are drawn as markup on the sheet
   * instead of a React Flow node per step and edge per transition, which a long SOP pays for in
   * rendering time. Pan, zoom and export stay. The simulation and the case page, which highlight
   * nodes and edges, keep the components.
   */
  readOnly?: boolean;
  /** The words for steps and outcomes marked inferred or incomplete (tooltips, the platform-decision tag); none drawn without. */
  gapWords?: GapWords;
}

/** Each coordination box's tooltip: which step asks, and that the case stays with it. */
function coordinationTitles(layout: SwimlaneLayout, steps: Step[], t: ReturnType<typeof useI18n>['t']): Map<string, string> {
  const name = (id: string) => {
    const s = steps.find((st) => st.id === id);
    return s ? `${s.number ? `${s.number}. ` : ''}${s.label ?? s.activity ?? id}` : id;
  };
  return new Map(layout.coordinations.map((c) => [c.id, t('diagramCoordinationTitle', { step: name(c.step), lane: c.laneName })]));
}

function toFlow(
  layout: SwimlaneLayout,
  steps: Step[],
  headers: SwimlaneDiagramProps['headers'],
  readOnly: boolean,
  gapWords: GapWords | undefined,
  words: ConstructWords,
  titles: ReadonlyMap<string, string>,
  arrows: EdgeWords,
  aria: NodeAria,
): { nodes: Node[]; edges: Edge[] } {
  const activity = new Map(steps.map((s) => [s.id, s.activity]));
  const sheet: SheetNodeType = {
    id: '__sheet',
    type: 'sheet',
    position: { x: 0, y: 0 },
    data: { layout, headers, words, coordinationTitles: titles, ...(readOnly ? { symbols: sheetSymbolsHtml(layout, activity, gapWords, words) } : {}) },
    width: layout.width,
    height: layout.height,
    // the layout knows every size: React Flow need not wait for a measurement to draw the edges
    measured: { width: layout.width, height: layout.height },
    handles: [],
    draggable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
    // a group (its lanes' headings inside) named for what it is; without a role the description would be ignored
    ariaRole: 'group',
    domAttributes: aria.sheet,
  };
  if (readOnly) return { nodes: [sheet], edges: [] };
  const stepNodes: StepNodeType[] = layout.nodes.map((n) => {
    return {
      id: n.id,
      type: 'step',
      position: { x: n.x, y: n.y },
      width: n.width,
      height: n.height,
      measured: { width: n.width, height: n.height },
      handles: stepHandles(n.width, n.height),
      domAttributes: aria.step,
      data: {
        kind: n.kind,
        label: n.label,
        number: n.number,
        width: n.width,
        height: n.height,
        title: (activity.get(n.id) ?? n.label) + (n.provenance && gapWords ? ` (${gapWords[n.provenance.status]})` : ''),
        gap: n.provenance?.status ?? null,
        timeoutTag: n.inferredTimeout && gapWords ? { text: gapWords.timeoutTag, title: gapWords.inferred } : null,
        tags: nodeTags(n, words),
        schedule: n.schedule ? { text: words.schedule, title: words.scheduleTitle.replace('{label}', n.schedule.label ?? '') } : null,
        citizen: n.citizen,
      },
      draggable: false,
    };
  });
  const edges: OrthogonalEdgeType[] = layout.edges.map((e) => ({
    ...flowEdge(e, arrows, e.provenance && gapWords ? gapWords[e.provenance] : undefined),
    // nothing to click or hover on a read-only diagram: no wide invisible twin of each path
    interactionWidth: 0,
  }));
  return { nodes: [sheet, ...stepNodes], edges };
}

/** "Fit view" of the controls: the whole sheet with a small margin, never enlarged past 1:1. */
export const SHEET_FIT = { padding: 0.04, maxZoom: 1 } as const;

/**
 * How an SOP sheet is framed in React Flow: zoomable from a tenth to twice; where it opens is the
 * page's (readable at the top for the SOP page and the editor, the whole sheet fitted elsewhere).
 */
export const SHEET_VIEWPORT = {
  minZoom: 0.1,
  maxZoom: 2,
  proOptions: { hideAttribution: true },
} as const;

function Diagram({ layout, steps, headers, readOnly = false, gapWords }: SwimlaneDiagramProps) {
  const { t } = useI18n();
  const ariaLabels = useMemo(() => flowAriaLabels(t), [t]);
  // the case page and the simulation pass no words: the marks then speak the UI's language here
  const words = useMemo<GapWords>(
    () => gapWords ?? { inferred: t('gapInferred'), incomplete: t('gapIncomplete'), timeoutTag: t('gapTimeoutTag') },
    [gapWords, t],
  );
  const marks = useMemo(() => constructWords(t), [t]);
  const titles = useMemo(() => coordinationTitles(layout, steps, t), [layout, steps, t]);
  const arrows = useMemo(() => edgeWords(t), [t]);
  const aria = useMemo(() => nodeAria(t), [t]);
  const { nodes, edges } = useMemo(
    () => toFlow(layout, steps, headers, readOnly, words, marks, titles, arrows, aria),
    [layout, steps, headers, readOnly, words, marks, titles, arrows, aria],
  );
  const flow = useReactFlow();
  // the SOP page opens readable at the top (a long SOP fitted whole would be specks); the simulation
  // and the case page, which follow a highlighted step, fit the whole sheet
  useReadableView(layout, layout, readOnly);
  useEffect(() => {
    if (readOnly) return;
    // a new layout (another flow, Mutu Baku shown or hidden) is fitted to the view again
    const frame = requestAnimationFrame(() => void flow.fitView(SHEET_FIT));
    return () => cancelAnimationFrame(frame);
  }, [layout, flow, readOnly]);
  return (
    <ReactFlow
      ariaLabelConfig={ariaLabels}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      {...SHEET_VIEWPORT}
      fitView={!readOnly}
      fitViewOptions={SHEET_FIT}
    >
      <Controls showInteractive={false} fitViewOptions={SHEET_FIT} />
    </ReactFlow>
  );
}

/** The SOP's flowchart in React Flow: the SOP-AP table behind, the symbols and edges of the layout on it. */
export function SwimlaneDiagram(props: SwimlaneDiagramProps) {
  return (
    <ReactFlowProvider>
      <Diagram {...props} />
    </ReactFlowProvider>
  );
}
