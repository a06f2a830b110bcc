/**
 * Who is acting, and what their role lets them reach. Every service checks these before it reads
 * or writes; the HTTP layer only finds out who is calling.
 */
import { isWithinRegion, NATIONAL, regionPrefix } from '../facts/regions.ts';
import { forbidden } from './errors.ts';
import type { ReviewLevel, Role } from './schema.ts';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  level: ReviewLevel | null;
  uscc: string | null;
  organization: string | null;
}

/** Refuses unless the actor has one of the roles. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw forbidden({
      zh: `当前角色（${actor.role}）无权执行此操作`,
      en: `The ${actor.role} role may not do this`,
    });
  }
}

/** True when a reviewer's region holds `regionCode` (national reviewers hold every region). */
export function reviewerCovers(actor: Actor, regionCode: string | null | undefined): boolean {
  if (actor.role !== 'reviewer' || !actor.regionCode) return false;
  if (actor.regionCode === NATIONAL) return true;
  return !!regionCode && isWithinRegion(regionCode, actor.regionCode);
}

/**
 * May the actor read a firm's data? The firm itself, a reviewer whose region holds it, an
 * administrator. Banks, providers and chambers reach firms only through consent (later modules).
 */
export function mayReadFirm(actor: Actor, firm: { uscc: string; regionCode: string | null }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'enterprise') return actor.uscc === firm.uscc;
  return reviewerCovers(actor, firm.regionCode);
}

/** Reading a firm's data is another party's data unless the actor is that firm. */
export const isOwnFirm = (actor: Actor, uscc: string): boolean => actor.role === 'enterprise' && actor.uscc === uscc;

/** The code prefix a reviewer's region covers ('' for the whole country). */
export const reviewerPrefix = (actor: Actor): string => regionPrefix(actor.regionCode!) ?? actor.regionCode!;
