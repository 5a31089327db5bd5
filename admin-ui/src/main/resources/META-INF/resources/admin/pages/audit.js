// The audit log: who did what, when, to what, newest first, filtered by the API's own parameters. The filters live
// in the address (#/audit?actor=alice) so a filtered view can be bookmarked or shared.

import { api } from '../api.js';
import { field, h, showError, table } from '../ui.js';

const TEXT_FILTERS = [
  ['actor', 'Actor', 'A username, or "system".'],
  ['action', 'Action', 'Exact, or a prefix ending in * (login.*).'],
  ['target', 'Target', 'Exact, or a prefix ending in * (user:*).'],
];
const STEP = 100;
const MAX_LIMIT = 1000;

/** "2026-03-01T10:15" (a datetime-local value, local time) ⇄ an ISO instant for the API. */
function toInstant(local) {
  return local ? new Date(local).toISOString() : '';
}

function toLocalInput(instant) {
  if (!instant) {
    return '';
  }
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return shifted.toISOString().slice(0, 16);
}

/** Before/after states are stored as text (JSON, sometimes YAML): pretty-printed when they are JSON. */
function stateText(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    return text;
  }
}

function changeDetails(event) {
  if (!event.before && !event.after) {
    return '';
  }
  return h('details', {},
    h('summary', {}, 'Show change'),
    event.before ? [h('p', { class: 'state-label' }, 'Before'), h('pre', { class: 'json' }, stateText(event.before))]
      : null,
    event.after ? [h('p', { class: 'state-label' }, 'After'), h('pre', { class: 'json' }, stateText(event.after))]
      : null);
}

function filterForm(parameters, navigate) {
  const inputs = {};
  for (const [name] of TEXT_FILTERS) {
    inputs[name] = h('input', { name, value: parameters.get(name) || '', 'data-field': name });
  }
  inputs.since = h('input', { name: 'since', type: 'datetime-local', value: toLocalInput(parameters.get('since')),
    'data-field': 'since' });
  inputs.until = h('input', { name: 'until', type: 'datetime-local', value: toLocalInput(parameters.get('until')),
    'data-field': 'until' });
  const form = h('form', { class: 'card', id: 'audit-filter', 'aria-label': 'Filter the audit log' },
    h('div', { class: 'row' },
      TEXT_FILTERS.map(([name, label, hint]) => field(label, inputs[name], hint)),
      field('Since', inputs.since, 'Your local time, inclusive.'),
      field('Until', inputs.until, 'Your local time, exclusive.')),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Filter'), ' ',
    h('button', { type: 'button', onclick: () => navigate('audit') }, 'Clear'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name] of TEXT_FILTERS) {
      if (inputs[name].value.trim()) {
        query.set(name, inputs[name].value.trim());
      }
    }
    for (const name of ['since', 'until']) {
      if (inputs[name].value) {
        query.set(name, toInstant(inputs[name].value));
      }
    }
    const text = query.toString();
    navigate(text ? `audit?${text}` : 'audit');
  });
  return form;
}

export default {
  path: 'audit',
  title: 'Audit log',
  role: 'VIEWER',
  async render(main, { navigate, parameters }) {
    const form = filterForm(parameters, navigate);
    const results = h('div', { id: 'audit-results' });
    main.append(h('h1', {}, 'Audit log'), form, results);
    let limit = Math.min(MAX_LIMIT, Math.max(1, Number(parameters.get('limit')) || STEP));

    async function load() {
      const query = new URLSearchParams();
      for (const name of ['actor', 'action', 'target', 'since', 'until']) {
        if (parameters.get(name)) {
          query.set(name, parameters.get(name));
        }
      }
      query.set('limit', String(limit));
      let page;
      try {
        page = await api.get(`audit?${query}`);
      } catch (e) {
        if (e.status === 400) {
          showError(form, e);
          results.replaceChildren();
          return;
        }
        throw e;
      }
      const more = page.events.length >= limit && limit < MAX_LIMIT;
      results.replaceChildren(...[
        page.events.length === 0 ? h('p', { id: 'audit-empty' }, 'No events match.') : h('div', { class: 'table-wrap' },
          table([
            { title: 'When', value: (e) => h('time', { datetime: e.at }, new Date(e.at).toLocaleString()) },
            { title: 'Actor', value: (e) => e.actor },
            { title: 'Action', value: (e) => h('code', {}, e.action) },
            { title: 'Target', value: (e) => e.target || '' },
            { title: 'Change', value: changeDetails },
          ], page.events, `${page.events.length} event${page.events.length === 1 ? '' : 's'}, newest first`)),
        more ? h('button', { type: 'button', id: 'audit-more', onclick: async () => {
          limit = Math.min(MAX_LIMIT, limit + STEP);
          await load();
        } }, 'Show more') : null].filter(Boolean));
    }
    await load();
  },
};
