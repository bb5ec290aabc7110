import { expect } from 'vitest';
import type { CreatedForum } from '../forums/create-forum.ts';

/** The seed's forum title, which the server tests' forums take unless they need their own. */
export const SEED_FORUM_TITLE = 'Forum des Alliances — Rêvons ensemble notre future Alliance';

/**
 * A forum created through a test server's `POST /api/forums`, as the home page does (R23);
 * the answer must be 201.
 */
export async function postForum(
  baseUrl: string,
  body: { title?: string; territories: string[]; templates?: boolean },
): Promise<CreatedForum> {
  const response = await fetch(`${baseUrl}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: SEED_FORUM_TITLE, ...body }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedForum;
}
