export { layoutSwimlanes, stepLabel, documentLine } from './layout-swimlanes';
export { routeEdges, edgeLabelBox, type RouteEdgesOptions } from './route-edges';
export {
  renderSwimlaneSvg,
  GAP_DASH,
  INFERRED_TIMEOUT_TAG,
  CONSTRUCT_WORDS,
  COORDINATION_DASH,
  nodeTags,
  type ConstructWords,
  type SwimlaneSvgOptions,
  type DiffMark,
} from './render-swimlane-svg';
export { shorten, wrappedLines, CHAR_WIDTH, LINE_HEIGHT } from './text-metrics';
export { segmentCrossesBox, portOf } from './geometry';
export type {
  Box,
  Point,
  Side,
  SwimlaneColumn,
  SwimlaneCoordination,
  SwimlaneEdge,
  SwimlaneLane,
  SwimlaneLayout,
  SwimlaneLayoutOptions,
  SwimlaneNode,
  SwimlaneRow,
  EdgeTone,
} from './swimlane-layout';
export { edgeTone, EDGE_TONE_COLORS } from './swimlane-layout';
