import type { Schemas } from '@/lib/api-client';

export type Role = Schemas['AccountRole'];

/** Every account role, least to most privileged. */
export const roles = ['member', 'supplier', 'coordinator', 'admin'] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** Whether a signed-in user's role is one of `allowed`. API clients and unknown roles have none. */
export function hasRole(user: { role?: string | null }, allowed: readonly Role[]): boolean {
  return isRole(user.role) && allowed.includes(user.role);
}
