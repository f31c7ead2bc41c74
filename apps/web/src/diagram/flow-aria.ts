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
