import { warning, type SopRule } from './sop-rule';

/** Every lane holds at least one step or is asked by one (coordination); an empty column is usually a mistake. */
export const lanesUsed: SopRule = {
  id: 'lanes-used',
  check({ sop, graphs }) {
    const used = new Set(graphs.flatMap((g) => g.flow.steps.flatMap((s) => [s.lane, ...(s.coordination ?? []).map((c) => c.lane)])));
    return sop.lanes.flatMap((lane, i) =>
      used.has(lane.id)
        ? []
        : [
            warning(
              'unused-lane',
              `/lanes/${i}/id`,
              `lane "${lane.id}" (${lane.name}) holds no step and no step coordinates with it: put a step in it or remove it`,
            ),
          ],
    );
  },
};
