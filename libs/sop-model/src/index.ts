export * from './generated/sop-document';
export { sopSchema } from './generated/sop-schema';
export { readSopData, validateSop, type SopValidation, type ValidateOptions } from './validate-sop';
export { checkSchema } from './schema-issues';
export { formatIssue, compareIssues, type SopIssue, type IssueSeverity, type UnlocatedIssue } from './sop-issue';
export { createSourceMap, type SourceMap, type SourcePosition } from './source-map';
export { buildSopGraph, flowsOf, edgesOf, escalationOf, rejectionOf, type SopFlow, type SopGraph, type SopEdge, type SopEdgeKind } from './sop-graph';
export { SOP_RULES, reachableFromStart, canReachEnd, WEB_FORM_CHANNEL, type SopRule, type RuleContext } from './rules';
export {
  KNOWN_ROLES,
  ROLE_INFO,
  roleDescription,
  LANE_ROLES,
  COMMON_ROLES,
  OTHER_ROLE,
  CITIZEN_ROLE,
  isKnownRole,
  isLaneRole,
  isCitizenLane,
  isOtherRoleLane,
  laneRoleLabel,
  commonRoleNamed,
  normalizeRoleText,
  suggestRole,
  type KnownRole,
  type CommonRole,
  type RoleInfo,
} from './known-roles';
export { didYouMean } from './did-you-mean';
export { readLogbookColumn, suggestLogbookFill, type LogbookColumnReading, type LogbookColumnSpec, type LogbookFill } from './logbook-columns';
export { issueMessage, issuePath, describeIssue, severityWord, contextParams, ISSUE_CODES, type IssueLanguage, type IssueParams } from './issue-messages';
export { toPointer, fromPointer } from './json-pointer';
export { sameData } from './same-data';
export {
  inspectSop,
  totalTime,
  countsAsOfficeTime,
  citizenLanesOf,
  type SopInspection,
  type SopConstructs,
  type PathTime,
  type TimeTotal,
} from './inspect-sop';
export { sourceGaps, isSourceIncomplete, type SourceGap, type SourceGapKind } from './source-gaps';
export { runnability, softenForIncompleteSource, GAP_TOLERANT_CODES, INCOMPLETE_SOURCE_NOTE, type Runnability } from './runnability';
