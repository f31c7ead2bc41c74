/** @sop/compare: placeholder until the comparison lands. */
export const SOP_COMPARE_VERSION = 1;
