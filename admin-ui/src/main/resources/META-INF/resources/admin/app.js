// The admin UI's shell: sign-in, the navigation (only the pages the user's role may open), and a hash router
// (#/rules, #/simulate…) so that every page has an address, the back button works and no server routes are needed.

import pages from './pages/index.js';
import { renderLogin } from './pages/login.js';
import { can, load, signOut, user } from './session.js';
import { announce, h } from './ui.js';
import { ApiError } from './api.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const account = document.getElementById('account');

function currentPath() {
  const hash = location.hash.replace(/^#\/?/, '');
  return hash.split('?')[0] || 'home';
}

/** The query part of the hash: #/calendar?number=vn-1 → URLSearchParams. */
export function hashParameters() {
  const hash = location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

export function navigate(path) {
  location.hash = `#/${path}`;
}

function drawNavigation(active) {
  nav.replaceChildren(h('ul', {}, pages.filter((page) => can(page.role)).map((page) => h('li', {},
    h('a', { href: `#/${page.path}`, 'aria-current': page.path === active ? 'page' : null }, page.title)))));
  const me = user();
  account.replaceChildren(me ? h('span', {}, h('span', { id: 'whoami' }, `${me.username} (${me.role.toLowerCase()})`),
    ' ', h('button', { type: 'button', id: 'sign-out', onclick: async () => { await signOut(); route(); } },
      'Sign out')) : '');
}

/** Counts the routes drawn, so that a page which finishes loading after the user moved on stays quiet. */
let routes = 0;

async function route() {
  // Each route draws into its own box: a page whose API calls are still running when the user moves on (or a page
  // refreshes itself) then fills a box no longer shown, instead of adding its content to the next page's.
  const view = h('div', { class: 'view' });
  main.replaceChildren(view);
  const current = ++routes;
  if (!user() && !(await load())) {
    if (current !== routes) {
      return;
    }
    nav.replaceChildren();
    account.replaceChildren();
    document.title = 'Sign in · Callroute';
    renderLogin(view, () => route());
    return;
  }
  const path = currentPath();
  let page = pages.find((p) => p.path === path);
  if (!page || (page === pages[0] && !can(page.role))) {
    // An unknown address, or the start page for a role that may not open it (MASKING reads no rules): the first
    // page this user may open instead of a refusal, with the address saying so.
    page = pages.find((p) => can(p.role)) || pages[0];
    history.replaceState(null, '', `#/${page.path}`);
  }
  drawNavigation(page.path);
  document.title = `${page.title} · Callroute`;
  if (!can(page.role)) {
    view.append(h('h1', {}, page.title), h('p', { role: 'alert' },
      `Your role (${user().role.toLowerCase()}) cannot open this page.`));
    return;
  }
  try {
    await page.render(view, { navigate, parameters: hashParameters(), refresh: route });
    if (current === routes) {
      announce(`${page.title} loaded`);
    }
  } catch (e) {
    if (current !== routes) {
      return;
    }
    if (e instanceof ApiError && e.status === 401) {
      await signOut().catch(() => {});
      route();
      return;
    }
    view.append(h('p', { class: 'form-error', role: 'alert' }, `Could not load this page: ${e.message}`));
  }
}

// The skip link's "#main" would otherwise be taken for a route (and open the start page): it only moves the focus.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', route);
route();
