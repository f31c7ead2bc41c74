/** The signed-in user, as the token carries them. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  /** The SOP id (regency) whose cases the user works. */
  regency: string;
  /** Lane ids of that SOP the user holds: the access roles. */
  lanes: string[];
  /**
   * Platform permissions: 'author' (publish SOP versions), 'reviewer' (compare and report across
   * regencies), 'admin' (holiday lists: the regency's own closures, or with regency '*' the national lists),
   * 'signer' (approve or reject the proposed versions of the regency's SOP: its Kepala Dinas, ADR 0025).
   */
  permissions: string[];
}
