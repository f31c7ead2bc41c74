import { useMemo, useState } from 'react';
import { issueMessage, type SopDocument, type SopFlow, type Step } from '@sop/model';
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
  // none while the document cannot be read
  const flow: SopFlow | undefined = flows.find((f) => f.id === flowId) ?? flows[0];
  const [layOut] = useState(keptLayouts);
  const layout = useMemo(() => layOut(shown, flow?.id, showMutuBaku), [layOut, shown, flow, showMutuBaku]);

  const issues: ShownIssue[] = useMemo(() => issueList.map((issue) => ({ ...issue, message: issueMessage(issue, lang) })), [issueList, lang]);
  const marks = useMemo(() => issueMarks(issues), [issues]);

  const allSteps: Step[] = useMemo(() => flows.flatMap((f) => f.steps), [flows]);
  // what the panels are given follows the parts of the document it comes from: an edit of a step's
  // text leaves them, and the panels, as they were
  const lanesDeclared = shown?.lanes;
  const intake = shown?.intake;
  const templatesDeclared = shown?.templates;
  const { lanes, laneChoices } = useMemo(() => lanesOf(lanesDeclared), [lanesDeclared]);
  const choiceFields = useMemo(() => choiceFieldsOf(intake), [intake]);
  const templates = useMemo(() => (templatesDeclared ?? []).map((tp) => ({ id: tp.id, name: tp.name })), [templatesDeclared]);
  const [countSteps] = useState(keptCounts);
  const stepCount = useMemo(() => countSteps(allSteps), [countSteps, allSteps]);
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

/**
 * Lays out each version of the document from the last layout made (`previous`: its unchanged parts
 * are kept, so the diagram redraws only what an edit changed); while a version cannot be laid out,
 * the last layout that could be made is given.
 */
function keptLayouts() {
  let last: SwimlaneLayout | null = null;
  return (doc: SopDocument | null, flow: string | undefined, showMutuBaku: boolean): SwimlaneLayout | null => {
    if (!doc || flow === undefined) return last;
    try {
      return (last = layoutSwimlanes(doc, { flow, showMutuBaku, previous: last }));
    } catch {
      return last;
    }
  };
}

/** Counts the steps per lane, giving the last count again while the numbers are the same (the lanes panel then stays as it is). */
function keptCounts() {
  let last: Map<string, number> | null = null;
  return (steps: readonly Step[]): Map<string, number> => {
    const count = stepCountByLane(steps);
    if (last?.size === count.size && [...count].every(([lane, n]) => last?.get(lane) === n)) return last;
    return (last = count);
  };
}
