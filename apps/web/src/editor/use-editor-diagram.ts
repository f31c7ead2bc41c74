import { useMemo, useRef, useState } from 'react';
import { issueMessage, type SopDocument, type Step } from '@sop/model';
import { layoutSwimlanes, type SwimlaneLayout } from '@sop/swimlane-layout';
import type { EditorIssue } from '@sop/editor';
import { choiceFieldsOf, issueMarks, lanesOf, readableFlows, stepCountByLane, type ShownIssue } from './editor-model';

/**
 * What the editor draws of the document: its flows and the one shown, the swimlane layout (the last
 * one that could be made while the document cannot be laid out), the issues in the page's language
 * (docs/adr/0024-issue-messages-by-code.md) and the marks they put on steps, and what the panels
 * offer (lanes, choice fields, templates, steps per lane).
 */
export function useEditorDiagram(shown: SopDocument | null, issueList: readonly EditorIssue[], lang: 'id' | 'en') {
  const [flowId, setFlowId] = useState('main');
  const [showMutuBaku, setShowMutuBaku] = useState(true);
  const flows = useMemo(() => readableFlows(shown), [shown]);
  const flow = flows.find((f) => f.id === flowId) ?? flows[0];
  const lastLayout = useRef<SwimlaneLayout | null>(null);
  const layout = useMemo(() => {
    if (!shown || !flow) return lastLayout.current;
    try {
      return (lastLayout.current = layoutSwimlanes(shown, { flow: flow.id, showMutuBaku }));
    } catch {
      return lastLayout.current;
    }
  }, [shown, flow, showMutuBaku]);

  const issues: ShownIssue[] = useMemo(() => issueList.map((issue) => ({ ...issue, message: issueMessage(issue, lang) })), [issueList, lang]);
  const marks = useMemo(() => issueMarks(issues), [issues]);

  const allSteps: Step[] = useMemo(() => flows.flatMap((f) => f.steps), [flows]);
  const { lanes, laneChoices } = useMemo(() => lanesOf(shown), [shown]);
  const choiceFields = useMemo(() => choiceFieldsOf(shown), [shown]);
  const templates = useMemo(() => (shown?.templates ?? []).map((tp) => ({ id: tp.id, name: tp.name })), [shown]);
  const stepCount = useMemo(() => stepCountByLane(allSteps), [allSteps]);
  return {
    flows,
    flow,
    setFlowId,
    showMutuBaku,
    setShowMutuBaku,
    layout,
    issues,
    marks,
    allSteps,
    lanes,
    laneChoices,
    choiceFields,
    templates,
    stepCount,
  };
}
