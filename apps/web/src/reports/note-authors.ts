/**
 * A category's notes split by whose words they are (the report says: `byComplainant`): the officers'
 * (causes, solutions) and the complainant's own (the note sent with their answer at a step of their
 * lane), which are not officers' notes.
 */
export function splitNotes<N extends { byComplainant: boolean }>(notes: readonly N[]): { officers: N[]; complainants: N[] } {
  return {
    officers: notes.filter((n) => !n.byComplainant),
    complainants: notes.filter((n) => n.byComplainant),
  };
}
