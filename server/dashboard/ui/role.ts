import { createContext, useContext } from 'react';
import type { HrApi, Role } from '../../../main/contract/hr-api';
import { mayCall } from '../../../main/contract/hr-roles';

/** Each role as the header names it. */
export const ROLE_WORDS: Record<Role, string> = {
  'hr-admin': 'HR admin',
  reviewer: 'reviewer',
  'it-helpdesk': 'IT helpdesk',
};

/** The signed-in person's role, for the pages to offer only what it may do. */
export const RoleContext = createContext<Role>('it-helpdesk');

/** Whether the service emails hires (it has a mail server): only then is emailing a code offered. */
export const EmailsHiresContext = createContext(false);

/** Whether the signed-in role may call a route (the server refuses it anyway: this only hides it). */
export function useMay(route: keyof HrApi): boolean {
  return mayCall(useContext(RoleContext), route);
}
