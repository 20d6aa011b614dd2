'use client';
import { useQuery } from '@tanstack/react-query';
import { canMutate, meQuery } from '../_lib/queries/auth';

/** Viewers see no mutation controls; the API enforces the same rule on every request. */
export function useCanMutate(): boolean {
  const me = useQuery(meQuery());
  return canMutate(me.data);
}
