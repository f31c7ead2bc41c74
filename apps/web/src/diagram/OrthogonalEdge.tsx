import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { edgeTone, type Point } from '@sop/swimlane-layout';

export type OrthogonalEdgeData = {
  points: Point[];
  label: string | null;
  labelPoint: Point | null;
  escalates: boolean;
  rejects: boolean;
  /** The outcome hands the complaint to the agency whose it is (kind referral). */
  refers?: true;
  /** The outcome is not printed in the source (inferred) or damaged there (incomplete): its label is framed dashed. */
  gap?: 'inferred' | 'incomplete' | null;
  /** The tooltip of a marked label. */
  gapTitle?: string;
};
export type OrthogonalEdgeType = Edge<OrthogonalEdgeData, 'orthogonal'>;

/** An edge drawn along the layout's orthogonal polyline, its label where the layout put it. */
export const OrthogonalEdge = memo(function OrthogonalEdge({ id, data, markerEnd, style, interactionWidth }: EdgeProps<OrthogonalEdgeType>) {
  if (!data) return null;
  const path = data.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  const tone = edgeTone(data);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} className={`edge-${tone}`} />
      {data.label && data.labelPoint && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label edge-label-${tone}${data.gap ? ` edge-label-gap edge-label-gap-${data.gap}` : ''}`}
            data-testid="edge-label"
            data-gap={data.gap ?? undefined}
            title={data.gap ? data.gapTitle : undefined}
            style={{ transform: `translate(-50%, -50%) translate(${data.labelPoint.x}px, ${data.labelPoint.y}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
