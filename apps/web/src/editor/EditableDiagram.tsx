import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyNodeChanges,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Step } from '@sop/model';
import { nodeTags, type ConstructWords, type SwimlaneLayout, type SwimlaneNode } from '@sop/swimlane-layout';
import { constructWords, type diagramHeaders } from '../diagram/diagram-headers';
import { edgeWords, flowAriaLabels, nodeAria, type EdgeWords, type NodeAria } from '../diagram/flow-aria';
import { flowEdge } from '../diagram/flow-edge';
import { useI18n } from '../i18n';
import { OrthogonalEdge, type OrthogonalEdgeType } from '../diagram/OrthogonalEdge';
import { SheetNode, type SheetNodeType } from '../diagram/SheetNode';
import { viewCentre, type Viewport } from '../diagram/readable-viewport';
import { SHEET_FIT, SHEET_VIEWPORT } from '../diagram/SwimlaneDiagram';
import { useReadableView } from '../diagram/use-readable-view';
import { EditStepNode, type EditStepNodeType } from './EditStepNode';
import { keepUnchanged } from './keep-unchanged';
import { placeAt, setViewPlace } from './view-place';

const nodeTypes = { sheet: SheetNode, editStep: EditStepNode };
const edgeTypes = { orthogonal: OrthogonalEdge };

export interface StepMark {
  severity: 'error' | 'warning';
  message: string;
}

export interface EditableDiagramProps {
  layout: SwimlaneLayout;
  steps: Step[];
  headers: ReturnType<typeof diagramHeaders>;
  marks: ReadonlyMap<string, StepMark>;
  selected: string | null;
  onSelect(stepId: string | null): void;
  onChangeLane(stepId: string, lane: string): void;
  onConnect(from: string, to: string): void;
}

/** A step's diagram node, with what it was made from: made again only when one of those changes. */
interface BuiltNode {
  step: Step | undefined;
  mark: StepMark | undefined;
  selected: boolean;
  words: ConstructWords;
  aria: NodeAria;
  node: EditStepNodeType;
}

/** The step nodes already made, by the layout's node they were made from (a layout keeps the nodes an edit did not change: `previous`). */
type BuiltNodes = WeakMap<SwimlaneNode, BuiltNode>;

function toNodes(
  layout: SwimlaneLayout,
  steps: Step[],
  headers: EditableDiagramProps['headers'],
  marks: EditableDiagramProps['marks'],
  selected: string | null,
  words: ConstructWords,
  aria: NodeAria,
  built: BuiltNodes,
): Node[] {
  const sheet: SheetNodeType = {
    id: '__sheet',
    type: 'sheet',
    position: { x: 0, y: 0 },
    // the editable sheet draws the table, not the symbols or arrows: an edit of a step's label leaves it as it was
    data: { layout: { ...layout, nodes: [], edges: [] }, headers, words, onlyRowsInView: true },
    width: layout.width,
    height: layout.height,
    draggable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
    // a group (its lanes' headings inside) named for what it is; without a role the description would be ignored
    ariaRole: 'group',
    domAttributes: aria.sheet,
  };
  const stepById = new Map<string, Step>();
  for (const s of steps) if (!stepById.has(s.id)) stepById.set(s.id, s);
  const stepNodes: EditStepNodeType[] = layout.nodes.map((n) => {
    const step = stepById.get(n.id);
    const mark = marks.get(n.id);
    const isSelected = selected === n.id;
    const had = built.get(n);
    if (had && had.step === step && had.mark === mark && had.selected === isSelected && had.words === words && had.aria === aria) return had.node;
    const node: EditStepNodeType = {
      id: n.id,
      type: 'editStep',
      position: { x: n.x, y: n.y },
      width: n.width,
      height: n.height,
      data: {
        kind: n.kind,
        label: n.label,
        width: n.width,
        height: n.height,
        title: step?.activity ?? n.label,
        lane: n.lane,
        issue: mark?.severity ?? null,
        issueText: mark?.message ?? null,
        selected: isSelected,
        gap: n.provenance?.status ?? null,
        tags: nodeTags(n, words),
        schedule: n.schedule ? { text: words.schedule, title: words.scheduleTitle.replace('{label}', n.schedule.label ?? '') } : null,
      },
      draggable: true,
      domAttributes: aria.step,
    };
    built.set(n, { step, mark, selected: isSelected, words, aria, node });
    return node;
  });
  return [sheet, ...stepNodes];
}

function toEdges(edges: SwimlaneLayout['edges'], arrows: EdgeWords): Edge[] {
  return edges.map((e): OrthogonalEdgeType => ({ ...flowEdge(e, arrows), sourceHandle: `s-${e.sourceSide}`, targetHandle: `t-${e.targetSide}` }));
}

/** The lane whose column holds a point's x (in diagram coordinates), if any. */
export function laneAt(layout: SwimlaneLayout, x: number): string | undefined {
  return layout.lanes.find((l) => x >= l.x && x < l.x + l.width)?.id;
}

function Diagram({ layout, steps, headers, marks, selected, onSelect, onChangeLane, onConnect }: EditableDiagramProps) {
  const { t } = useI18n();
  const ariaLabels = useMemo(() => flowAriaLabels(t), [t]);
  const words = useMemo(() => constructWords(t), [t]);
  const aria = useMemo(() => nodeAria(t), [t]);
  const [built] = useState<BuiltNodes>(() => new WeakMap());
  const computed = useMemo(
    () => toNodes(layout, steps, headers, marks, selected, words, aria, built),
    [layout, steps, headers, marks, selected, words, aria, built],
  );
  // the layout keeps its list of edges when no edge changed (`previous`): nothing to make again then
  const edgesLaid = layout.edges;
  const arrows = useMemo(() => edgeWords(t), [t]);
  const computedEdges = useMemo(() => toEdges(edgesLaid, arrows), [edgesLaid, arrows]);
  const [nodes, setNodes] = useState<Node[]>(computed);
  const [edges, setEdges] = useState<Edge[]>(computedEdges);
  // what did not change keeps its object: React Flow re-measures and re-renders only the rest. Set
  // while rendering (not in an effect, which would paint a frame with the old nodes first)
  const [followed, setFollowed] = useState({ computed, computedEdges });
  if (followed.computed !== computed || followed.computedEdges !== computedEdges) {
    setFollowed({ computed, computedEdges });
    if (followed.computed !== computed) setNodes((current) => keepUnchanged(current, computed));
    if (followed.computedEdges !== computedEdges) setEdges((current) => keepUnchanged(current, computedEdges));
  }
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // "Tambah langkah" puts the new step under the centre of the view: publish where that is
  const publish = (viewport: Viewport) => setViewPlace(placeAt(layout, viewCentre(viewport, { width, height })));
  // readable at the top when the editor opens and on another flow, not after each edit (the view stays put)
  useReadableView(layout, layout.flow, true, publish);
  useEffect(() => {
    // an edit moves the rows under a view that stays: the place under its centre again
    if (width > 0 && height > 0) setViewPlace(placeAt(layout, viewCentre(flow.getViewport(), { width, height })));
  }, [layout, width, height, flow]);
  useEffect(() => () => setViewPlace(null), []);
  // the handlers keep their identity across edits (they read the latest props): React Flow passes
  // them to every node, which would otherwise all render again after each keystroke
  const latest = useRef({ layout, computed, onSelect, onChangeLane, onConnect, publish });
  useEffect(() => {
    latest.current = { layout, computed, onSelect, onChangeLane, onConnect, publish };
  });
  const onNodesChange = useCallback(
    (changes: NodeChange[]) =>
      setNodes((current) =>
        applyNodeChanges(
          changes.filter((c) => c.type === 'position' || c.type === 'dimensions'),
          current,
        ),
      ),
    [],
  );
  const onNodeClick = useCallback((_: unknown, node: Node) => node.type === 'editStep' && latest.current.onSelect(node.id), []);
  const onPaneClick = useCallback(() => latest.current.onSelect(null), []);
  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => latest.current.publish(viewport), []);
  const onNodeDragStop = useCallback((_: unknown, node: Node) => {
    const { layout, computed } = latest.current;
    const laid = layout.nodes.find((n) => n.id === node.id);
    if (!laid) return;
    const lane = laneAt(layout, node.position.x + laid.width / 2);
    if (lane && lane !== laid.lane) latest.current.onChangeLane(node.id, lane);
    else setNodes(computed); // dropped in its own lane or outside the lanes: back to its place
  }, []);
  const onConnectNodes = useCallback((c: Connection) => {
    if (c.source && c.target && c.source !== '__sheet' && c.target !== '__sheet') latest.current.onConnect(c.source, c.target);
  }, []);
  return (
    <ReactFlow
      ariaLabelConfig={ariaLabels}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      nodesDraggable
      nodesConnectable
      elementsSelectable={false}
      deleteKeyCode={null}
      connectionRadius={60}
      onNodeClick={onNodeClick}
      onPaneClick={onPaneClick}
      onMoveEnd={onMoveEnd}
      onNodeDragStop={onNodeDragStop}
      onConnect={onConnectNodes}
      // only what is in view is in the page (a 300-step SOP opens at its top, a readable zoom): the
      // rest is drawn as the author pans to it (docs/adr/0034-editor-at-scale.md); printing is /cetak's
      onlyRenderVisibleElements
      {...SHEET_VIEWPORT}
    >
      <Controls showInteractive={false} fitViewOptions={SHEET_FIT} />
    </ReactFlow>
  );
}

/** The SOP's flowchart in edit mode: steps drag between lanes and connect; issues mark their steps. */
export function EditableDiagram(props: EditableDiagramProps) {
  return (
    <ReactFlowProvider>
      <Diagram {...props} />
    </ReactFlowProvider>
  );
}
