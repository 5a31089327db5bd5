// Who is signed in, and what their role lets them do. The server checks every request anyway; the UI only hides
// what would be refused, so a viewer never sees an edit button.

import { api, setCsrfToken } from './api.js';

const LADDER = ['VIEWER', 'EDITOR', 'PUBLISHER', 'ADMIN'];

/**
 * The page role of pages about the user's own account, which every signed-in user may open — including MASKING,
 * which stands beside the ladder (a backend's role for number masking) and may read none of the rules.
 */
export const SIGNED_IN = 'SIGNED_IN';

let current = null;

/** The signed-in user ({username, role}) or null, asking the server (the session cookie is HttpOnly). */
export async function load() {
  try {
    const me = await api.get('me');
    current = { username: me.username, role: me.role, via: me.via };
    setCsrfToken(me.csrfToken);
  } catch (e) {
    if (e.status !== 401) {
      throw e;
    }
    current = null;
    setCsrfToken(null);
  }
  return current;
}

export async function signIn(username, password) {
  const session = await api.post('session', { username, password });
  current = { username: session.username, role: session.role, via: 'session' };
  setCsrfToken(session.csrfToken);
  return current;
}

export async function signOut() {
  try {
    await api.del('session');
  } finally {
    current = null;
    setCsrfToken(null);
  }
}

export function user() {
  return current;
}

/**
 * Whether the signed-in user holds {@code role} or a higher one (VIEWER < EDITOR < PUBLISHER < ADMIN); SIGNED_IN
 * holds for anyone signed in. Admins hold every role, as on the server.
 */
export function can(role) {
  if (!current) {
    return false;
  }
  if (role === SIGNED_IN || current.role === 'ADMIN') {
    return true;
  }
  const held = LADDER.indexOf(current.role);
  return held >= 0 && held >= LADDER.indexOf(role);
}
