import { closestName, didYouMean, listNames } from '../did-you-mean';
import { readLogbookColumn, suggestLogbookFill } from '../logbook-columns';
import type { UnlocatedIssue } from '../sop-issue';
import { error, warning, type SopRule } from './sop-rule';

const FILLS = 'number, ticket, date, channel, category, complaint, follow-up, reply, lane, end, status, paper';

/**
 * The SOP's own register (logbook): a column filled by a lane names a declared lane, `lane` goes
 * with `fills: lane` only, and a column the platform would leave blank (neither its `fills` nor its
 * id says what it holds) is pointed out, with what its label suggests, since a blank column in every
 * line is rarely what the office wants unless it is signed on paper.
 */
export const logbookColumns: SopRule = {
  id: 'logbook-columns',
  check({ sop }) {
    const issues: UnlocatedIssue[] = [];
    const laneIds = sop.lanes.map((l) => l.id);
    (sop.logbook?.columns ?? []).forEach((column, i) => {
      const at = `/logbook/columns/${i}`;
      if (column.fills === 'lane' && column.lane === undefined) {
        issues.push(
          error(
            'logbook-fills-lane-without-lane',
            `${at}/fills`,
            `logbook column "${column.id}" is filled by a lane but names none: add lane: <lane id> (lanes: ${listNames(laneIds)})`,
            { column: column.id, lanes: listNames(laneIds) },
          ),
        );
      }
      if (column.lane !== undefined && column.fills !== 'lane') {
        issues.push(
          error(
            'logbook-lane-without-fills-lane',
            `${at}/lane`,
            `logbook column "${column.id}" names lane "${column.lane}" but is not filled by a lane: add fills: lane, or remove lane`,
            { column: column.id },
          ),
        );
      }
      if (column.lane !== undefined && !laneIds.includes(column.lane)) {
        const suggestion = closestName(column.lane, laneIds);
        issues.push(
          error(
            'unknown-lane',
            `${at}/lane`,
            `lane "${column.lane}" is not declared under "lanes"${didYouMean(column.lane, laneIds)}; lanes: ${listNames(laneIds)}`,
            { lanes: listNames(laneIds), ...(suggestion !== undefined ? { suggestion } : {}) },
          ),
        );
      }
      if (readLogbookColumn(column, laneIds).by === 'default') {
        const suggestion = suggestLogbookFill(column.label);
        issues.push(
          warning(
            'logbook-column-blank',
            `${at}/id`,
            `logbook column "${column.id}" (${column.label}) is left blank in every line, to be filled on paper: ${
              suggestion ? `to have the platform fill it, add fills: ${suggestion}` : `to have the platform fill it, add fills: one of ${FILLS}`
            }; to keep it blank, add fills: paper`,
            { column: column.id, label: column.label, ...(suggestion ? { suggestion } : {}) },
          ),
        );
      }
    });
    return issues;
  },
};
