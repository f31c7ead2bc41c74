import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { StepKind } from '@sop/model';
import { GAP_DASH } from '@sop/swimlane-layout';

export type EditStepNodeData = {
  kind: StepKind;
  label: string;
  width: number;
  height: number;
  title: string;
  lane: string;
  /** The worst issue on this step (or one of its transitions), if any. */
  issue: 'error' | 'warning' | null;
  issueText: string | null;
  selected: boolean;
  /** Marked not printed in the source (dashed) or damaged there (dotted). */
  gap?: 'inferred' | 'incomplete' | null;
  /** The tags under the step and its schedule mark, as the read-only diagram draws them. */
  tags?: { kind: string; text: string }[];
  schedule?: { text: string; title: string } | null;
};
export type EditStepNodeType = Node<EditStepNodeData, 'editStep'>;

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/**
 * A step in its standard symbol, as the read-only diagram draws it (same classes), that can be
 * dragged to another lane and connected from its connector dot; an issue puts a red mark on it.
 */
export const EditStepNode = memo(function EditStepNode({ id, data }: NodeProps<EditStepNodeType>) {
  const { kind, label, width, height, title, issue, issueText, selected } = data;
  const classes = ['step', `step-${kind}`, 'edit-step'];
  if (selected) classes.push('edit-step-selected');
  if (issue) classes.push(`edit-step-${issue}`);
  if (data.gap) classes.push('step-gap', `step-gap-${data.gap}`);
  return (
    <div
      className={classes.join(' ')}
      data-testid="step-node"
      data-step-id={id}
      data-kind={kind}
      data-lane={data.lane}
      data-issue={issue ?? undefined}
      data-gap={data.gap ?? undefined}
      data-selected={selected ? 'true' : undefined}
      title={issueText ? `${title}\n⚠ ${issueText}` : title}
      style={{ width, height }}
    >
      {kind === 'decision' && (
        <svg className="step-diamond" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
          <polygon
            points={`${width / 2},1 ${width - 1},${height / 2} ${width / 2},${height - 1} 1,${height / 2}`}
            fill="#fff8e1"
            stroke={issue === 'error' ? '#c53030' : '#243b53'}
            strokeWidth={issue === 'error' ? 2.5 : 1.5}
            strokeDasharray={data.gap ? GAP_DASH[data.gap] : undefined}
          />
        </svg>
      )}
      <span className="step-label">{label}</span>
      {(data.tags ?? []).map((tag, i) => (
        <span key={tag.kind} className={`step-tag step-tag-${tag.kind}`} data-testid={tag.kind} style={{ top: `calc(100% + ${3 + i * 13}px)` }}>
          {tag.text}
        </span>
      ))}
      {data.schedule && (
        <span className="step-schedule" data-testid="schedule-tag" title={data.schedule.title}>
          <span className="step-schedule-icon" aria-hidden="true" />
          {data.schedule.text}
        </span>
      )}
      {issue && (
        <span className={`edit-issue-mark edit-issue-mark-${issue}`} data-testid="node-issue" aria-label={issueText ?? undefined}>
          !
        </span>
      )}
      {SIDES.map(([side, position]) => (
        <Handle key={`s-${side}`} id={`s-${side}`} type="source" position={position} isConnectable={false} className="step-handle" />
      ))}
      {SIDES.map(([side, position]) => (
        <Handle key={`t-${side}`} id={`t-${side}`} type="target" position={position} isConnectableStart={false} isConnectableEnd className="step-handle" />
      ))}
      <Handle id="connect" type="source" position={Position.Right} isConnectableEnd={false} className="edit-connect" data-testid="connect-handle" />
    </div>
  );
});
