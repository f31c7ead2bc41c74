import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { StepKind } from '@sop/model';

export type StepNodeData = { kind: StepKind; label: string; number: string | null; width: number; height: number; title: string };
export type StepNodeType = Node<StepNodeData, 'step'>;

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/** A step in its standard symbol: terminator (start, end), rectangle (task), diamond (decision). */
export function StepNode({ id, data }: NodeProps<StepNodeType>) {
  const { kind, label, width, height, title } = data;
  return (
    <div className={`step step-${kind}`} data-testid="step-node" data-step-id={id} data-kind={kind} title={title} style={{ width, height }}>
      {kind === 'decision' && (
        <svg className="step-diamond" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
          {/* colours as attributes: the PNG export copies attributes reliably, not stylesheet rules on SVG */}
          <polygon points={`${width / 2},1 ${width - 1},${height / 2} ${width / 2},${height - 1} 1,${height / 2}`} fill="#fff8e1" stroke="#243b53" strokeWidth={1.5} />
        </svg>
      )}
      <span className="step-label">{label}</span>
      {SIDES.map(([side, position]) => (
        <Handle key={`s-${side}`} id={`s-${side}`} type="source" position={position} isConnectable={false} className="step-handle" />
      ))}
      {SIDES.map(([side, position]) => (
        <Handle key={`t-${side}`} id={`t-${side}`} type="target" position={position} isConnectable={false} className="step-handle" />
      ))}
    </div>
  );
}
