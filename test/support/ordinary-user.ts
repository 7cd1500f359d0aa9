import { execFileSync } from 'node:child_process';

/** The unprivileged account `.ci/run` creates, so look-alikes run as a hire would, not as root. */
export const ORDINARY_USER = 'hire';

export interface OrdinaryUser {
  name: string;
  uid: number;
  gid: number;
}

export function ordinaryUser(): OrdinaryUser {
  const id = (flag: string) => Number(execFileSync('id', [flag, ORDINARY_USER], { encoding: 'utf8' }).trim());
  return { name: ORDINARY_USER, uid: id('-u'), gid: id('-g') };
}
