import type { AriaLabelConfig } from '@xyflow/react';
import type { Translate } from '../i18n';

/** React Flow's control and keyboard texts in the page's language (its defaults are English). */
export function flowAriaLabels(t: Translate): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('flowNodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('flowNodeHelpKeyboard'),
    'edge.a11yDescription.default': t('flowEdgeHelp'),
    'controls.ariaLabel': t('flowControls'),
    'controls.zoomIn.ariaLabel': t('flowZoomIn'),
    'controls.zoomOut.ariaLabel': t('flowZoomOut'),
    'controls.fitView.ariaLabel': t('flowFitView'),
    'controls.interactive.ariaLabel': t('flowInteractive'),
    'minimap.ariaLabel': t('flowMinimap'),
    'handle.ariaLabel': t('flowHandle'),
  };
}

/** What a screen reader says of an arrow (React Flow's own is English: "Edge from a to b", role "edge"). */
export interface EdgeWords {
  /** The arrow's name, from the step it leaves to the step it enters. */
  label: (from: string, to: string) => string;
  /** What an arrow is. */
  role: string;
}

export function edgeWords(t: Translate): EdgeWords {
  return { label: (from, to) => t('flowEdgeLabel', { from, to }), role: t('flowEdgeRole') };
}

/** The accessible name and role of an arrow between two steps, for React Flow's edge. */
export function edgeAria(words: EdgeWords, from: string, to: string): { ariaLabel: string; domAttributes: { 'aria-roledescription': string } } {
  return { ariaLabel: words.label(from, to), domAttributes: { 'aria-roledescription': words.role } };
}

/** What a node is, for a screen reader (React Flow's own role description is English: "node"). */
export interface NodeAria {
  step: { 'aria-roledescription': string };
  sheet: { 'aria-roledescription': string };
}

/** The role descriptions of a step's node and of the sheet's, as `domAttributes` (one object each, shared by every node). */
export function nodeAria(t: Translate): NodeAria {
  return { step: { 'aria-roledescription': t('flowStepRole') }, sheet: { 'aria-roledescription': t('flowSheetRole') } };
}
