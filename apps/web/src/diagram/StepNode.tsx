import { memo } from 'react';
import { Handle, Position, type Node, type NodeHandle, type NodeProps } from '@xyflow/react';
import type { Provenance, StepKind } from '@sop/model/graph';
import { GAP_DASH } from '@sop/swimlane-layout';

export type StepNodeData = {
  kind: StepKind;
  label: string;
  number: string | null;
  width: number;
  height: number;
  title: string;
  /** Not printed in the source (dashed) or damaged there (dotted). */
  gap?: Provenance['status'] | null;
  /** The words of the tag under a step whose timeout rule is a platform decision, and its tooltip. */
  timeoutTag?: { text: string; title: string } | null;
  /** The tags under the step: what the citizen's silence does, the field a routed decision follows. */
  tags?: { kind: string; text: string }[];
  /** The calendar mark of a step that may wait for a date, and its tooltip. */
  schedule?: { text: string; title: string } | null;
  /** The step is the complainant's (ADR 0010). */
  citizen?: boolean;
};
export type StepNodeType = Node<StepNodeData, 'step'>;

/**
 * Where React Flow attaches the edges: one source and one target point per step. The edges are
 * drawn along the layout's own routes (OrthogonalEdge), so these only tell React Flow that the
 * step can be connected; they are given as data too, so the edges are placed before any
 * measurement of the page.
 */
export function stepHandles(width: number, height: number): NodeHandle[] {
  return [
    { type: 'source', position: Position.Bottom, x: width / 2, y: height, width: 1, height: 1 },
    { type: 'target', position: Position.Top, x: width / 2, y: 0, width: 1, height: 1 },
  ];
}

/** A step in its standard symbol: terminator (start, end), rectangle (task), diamond (decision). */
export const StepNode = memo(function StepNode({ id, data }: NodeProps<StepNodeType>) {
  const { kind, label, width, height, title, gap, timeoutTag, tags = [], schedule, citizen } = data;
  return (
    <div
      className={`step step-${kind}${citizen ? ' step-citizen' : ''}${gap ? ` step-gap step-gap-${gap}` : ''}`}
      data-testid="step-node"
      data-step-id={id}
      data-kind={kind}
      data-gap={gap ?? undefined}
      title={title}
      style={{ width, height }}
    >
      {kind === 'decision' && (
        <svg className="step-diamond" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
          {/* colours as attributes: the PNG export copies attributes reliably, not stylesheet rules on SVG */}
          <polygon
            points={`${width / 2},1 ${width - 1},${height / 2} ${width / 2},${height - 1} 1,${height / 2}`}
            fill="#fff8e1"
            stroke="#243b53"
            strokeWidth={1.5}
            strokeDasharray={gap ? GAP_DASH[gap] : undefined}
          />
        </svg>
      )}
      <span className="step-label">{label}</span>
      {timeoutTag && (
        <span className="step-timeout-tag" data-testid="inferred-timeout" title={timeoutTag.title}>
          {timeoutTag.text}
        </span>
      )}
      {tags.map((tag, i) => (
        <span
          key={tag.kind}
          className={`step-tag step-tag-${tag.kind}`}
          data-testid={tag.kind}
          style={{ top: `calc(100% + ${3 + (i + (timeoutTag ? 1 : 0)) * 13}px)` }}
        >
          {tag.text}
        </span>
      ))}
      {schedule && (
        <span className="step-schedule" data-testid="schedule-tag" title={schedule.title}>
          <span className="step-schedule-icon" aria-hidden="true" />
          {schedule.text}
        </span>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="step-handle" />
      <Handle type="target" position={Position.Top} isConnectable={false} className="step-handle" />
    </div>
  );
});
