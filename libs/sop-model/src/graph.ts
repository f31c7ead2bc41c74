// `@sop/model/graph`: the document types and the flow graph only, without the validator (ajv, the
// schema, yaml), for code that lays out or walks an SOP already loaded (the browser's flowcharts).
export * from './generated/sop-document';
export { buildSopGraph, flowsOf, edgesOf, escalationOf, rejectionOf, type SopFlow, type SopGraph, type SopEdge, type SopEdgeKind } from './sop-graph';
export { sourceGaps, isSourceIncomplete, type SourceGap, type SourceGapKind } from './source-gaps';
export { sameData } from './same-data';
