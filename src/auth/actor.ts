/**
 * Who is calling. Authentication turns a bearer token into an Actor; authorization (schema scopes)
 * decides what that actor may do. What a lead expert or city coordinator may touch is decided
 * against the read models (which network names them lead expert, which city they coordinate).
 */
export const roles = ['secretariat', 'leadExpert', 'cityCoordinator', 'public'] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  /** Stable subject id, e.g. "secretariat:ana" or "expert:peter-wolkowinski". */
  readonly subject: string;
  readonly role: Role;
  readonly name?: string;
  /** For city coordinators: the cities they coordinate. */
  readonly cityIds: readonly string[];
}

export const anonymous: Actor = Object.freeze({ subject: 'anonymous', role: 'public', cityIds: [] });

/** The actor for seeds, migrations and other work the system does on its own behalf. */
export const systemActor: Actor = Object.freeze({ subject: 'system', role: 'secretariat', name: 'System', cityIds: [] });
