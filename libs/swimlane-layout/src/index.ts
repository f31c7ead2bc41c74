export { layoutSwimlanes, stepLabel } from './layout-swimlanes';
export { routeEdges } from './route-edges';
export { renderSwimlaneSvg, GAP_DASH, INFERRED_TIMEOUT_TAG, type SwimlaneSvgOptions } from './render-swimlane-svg';
export { shorten, wrappedLines, CHAR_WIDTH, LINE_HEIGHT } from './text-metrics';
export { segmentCrossesBox, portOf } from './geometry';
export type {
  Box,
  Point,
  Side,
  SwimlaneColumn,
  SwimlaneEdge,
  SwimlaneLane,
  SwimlaneLayout,
  SwimlaneLayoutOptions,
  SwimlaneNode,
  SwimlaneRow,
} from './swimlane-layout';
