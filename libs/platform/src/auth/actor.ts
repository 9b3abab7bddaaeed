/** The roles of API.md §Auth. */
export const ROLES = ['admin', 'province_officer', 'district_officer', 'commune_officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the verified claims of the bearer token. */
export interface Actor {
  /** The caller's id (JWT `sub`). */
  sub: string;
  roles: Role[];
  /** Org-unit codes the caller may act under; `admin` ignores it. */
  scope: string[];
}

export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}
