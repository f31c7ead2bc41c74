import { MarkerType } from '@xyflow/react';
import { EDGE_TONE_COLORS, edgeTone, type SwimlaneEdge } from '@sop/swimlane-layout';
import { edgeAria, type EdgeWords } from './flow-aria';
import type { OrthogonalEdgeType } from './OrthogonalEdge';

/**
 * A laid-out edge as React Flow draws it (the SOP page and the editor alike): along the layout's
 * polyline, coloured by its tone, dashed when it escalates, named for screen readers. `gapTitle`:
 * the tooltip of a label the source does not print as such.
 */
export function flowEdge(e: SwimlaneEdge, arrows: EdgeWords, gapTitle?: string): OrthogonalEdgeType {
  const color = EDGE_TONE_COLORS[edgeTone(e)];
  return {
    id: e.id,
    type: 'orthogonal',
    source: e.from,
    target: e.to,
    data: {
      points: e.points,
      label: e.text,
      labelPoint: e.labelPoint,
      escalates: e.escalates,
      rejects: e.rejects,
      ...(e.refers ? { refers: true as const } : {}),
      gap: e.provenance,
      ...(gapTitle !== undefined ? { gapTitle } : {}),
    },
    markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
    style: { stroke: color, strokeWidth: 1.6, strokeDasharray: e.escalates ? '6 3' : undefined },
    focusable: false,
    ...edgeAria(arrows, e.from, e.to),
  };
}
