// The Schedules page: every named schedule of every draft rule set (opening hours, holidays, closures, special
// hours) in plain words with the rules that ask for it, and for editors a form per schedule plus "new schedule".
// There is no schedules API: a schedule lives in its rule set document, so saving PUTs that whole document as it
// was read (If-Match: its revision) with only the `schedules` entry changed.

import { api } from '../api.js';
import { can } from '../session.js';
import { announce, clearErrors, field, h, showError, table } from '../ui.js';
import { problemItem, scheduleCard } from './schedule-card.js';
import { dateWords, hoursWords, scheduleNames, upcoming, zoneWords } from './schedule-words.js';

/** As the server checks schedule names (ScheduleReader.NAME). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

// A message (and problems) that survives the page's redraw after a delete.
let pending = null;

/** The rule sets as read: name → {document, etag}; saving changes one schedule of one document. */
function createStore(loaded, refresh) {
  const sets = new Map(loaded.map(({ name, answer }) => [name, { document: answer.body, etag: answer.etag }]));
  const path = (set) => `rule-sets/${encodeURIComponent(set)}`;
  return {
    sets,
    refresh,
    changed: () => {},
    deleted: () => {},
    defaultZone: (set) => sets.get(set).document.defaultZone,
    async reload(set) {
      const answer = await api.getWithEtag(path(set));
      sets.set(set, { document: answer.body, etag: answer.etag });
    },
    /** PUTs the set with schedule `name` replaced (null: removed); answers {revision, problems…}. */
    async save(set, name, schedule) {
      const current = sets.get(set);
      const document = structuredClone(current.document);
      const schedules = { ...(document.schedules || {}) };
      if (schedule === null) {
        delete schedules[name];
      } else {
        schedules[name] = schedule;
      }
      if (Object.keys(schedules).length) {
        document.schedules = schedules;
      } else {
        delete document.schedules;
      }
      const answer = await api.put(path(set), document, current.etag);
      sets.set(set, { document, etag: answer.etag || `"${answer.body.revision}"` });
      return answer.body;
    },
    /** Every schedule: [{set, name, schedule, saved}]. */
    entries() {
      return [...sets].flatMap(([set, { document }]) => Object.entries(document.schedules || {})
        .map(([name, schedule]) => ({ set, name, schedule, saved: true })));
    },
    /** The rules of every set that ask for schedule `name` (names are shared by all rule sets). */
    usersOf(name) {
      return [...sets].flatMap(([set, { document }]) => (document.rules || [])
        .filter((rule) => rule && scheduleNames(rule.when).includes(name))
        .map((rule) => ({ set, rule: rule.id, states: statesOf(rule.when.schedule, name) })));
    },
  };
}

/** "open", "holiday", "closed or holiday": the states a rule asks the schedule to be in. */
function statesOf(value, name) {
  const states = (Array.isArray(value) ? value : [value]).flatMap((item) => {
    if (item && typeof item === 'object') {
      return item.name === name ? [].concat(item.is || 'open') : [];
    }
    return item === name ? ['open'] : [];
  });
  const distinct = [...new Set(states.map(String))];
  return distinct.length <= 1 ? distinct.join('')
    : `${distinct.slice(0, -1).join(', ')} or ${distinct[distinct.length - 1]}`;
}

/** The rules that use a schedule, short for the summary table: linked rule ids, "sg-open, sg-holiday". */
function usedBy(users) {
  if (users.length === 0) {
    return 'no rule';
  }
  return users.flatMap(({ set, rule }, i) => [i ? ', ' : null,
    h('a', { href: `#/rules?set=${encodeURIComponent(set)}&rule=${encodeURIComponent(rule)}` }, rule)]);
}

function summary(store) {
  const entries = store.entries();
  if (entries.length === 0) {
    return h('p', { id: 'schedule-summary' }, 'No rule set has a schedule yet.');
  }
  const next = (dates) => {
    const coming = upcoming(dates);
    return coming.length ? coming.slice(0, 3).map(dateWords).join(', ') + (coming.length > 3 ? ' …' : '') : 'none';
  };
  return h('div', { class: 'table-wrap', id: 'schedule-summary' }, table([
    { title: 'Schedule', value: (e) => h('code', { class: 'schedule-name' }, e.name) },
    { title: 'Rule set', value: (e) => e.set },
    { title: 'Time zone', value: (e) => zoneWords(e.schedule.zone, store.defaultZone(e.set)) },
    { title: 'Weekly hours', value: (e) => hoursWords(e.schedule.hours) },
    { title: 'Next holidays', value: (e) => next(e.schedule.holidays) },
    { title: 'Used by', value: (e) => usedBy(store.usersOf(e.name)) },
  ], entries, `${entries.length} schedule${entries.length === 1 ? '' : 's'} in the drafts`));
}

/** "New schedule": a name (checked as the server would, and unused in every set) and the set to keep it in. */
function createForm(store, addCard) {
  const name = h('input', { name: 'name', autocomplete: 'off', required: true, 'data-field': 'name',
    pattern: NAME.source.slice(1, -1), maxlength: 64 });
  const set = h('select', { name: 'ruleSet', 'data-field': 'ruleSet' },
    [...store.sets.keys()].map((s) => h('option', { value: s }, s)));
  const form = h('form', { class: 'card', id: 'schedule-create', 'aria-labelledby': 'schedule-create-title',
    novalidate: true },
  h('h2', { id: 'schedule-create-title' }, 'New schedule'),
  h('div', { class: 'row' },
    field('Name', name, 'Letters, digits, _ . or -; shared by all rule sets, so it must be new.'),
    field('Rule set', set, 'The draft that keeps it.')),
  h('p', { class: 'form-error', role: 'alert' }),
  h('button', { type: 'submit', class: 'primary' }, 'Create schedule'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = name.value.trim();
    const taken = store.entries().some((e) => e.name === wanted)
      || document.querySelector(`.schedule-card[data-schedule="${CSS.escape(wanted)}"]`);
    const problem = !NAME.test(wanted) ? 'Use 1 to 64 letters, digits, _ . or -, starting with a letter or digit.'
      : taken ? `There is already a schedule ${wanted}; schedule names are shared by all rule sets.` : null;
    if (problem) {
      showError(form, { field: 'name', message: problem });
      return;
    }
    clearErrors(form);
    const chosenSet = set.value;   // read before the reset below puts the first set back
    form.reset();
    addCard({ set: chosenSet, name: wanted, saved: false,
      schedule: { hours: [{ days: 'MON-FRI', from: '09:00', to: '18:00' }] } });
  });
  return form;
}

export default {
  path: 'schedules',
  title: 'Schedules',
  role: 'VIEWER',
  async render(main, { refresh }) {
    const names = (await api.get('rule-sets')).map((s) => s.name);
    const loaded = await Promise.all(names.map(async (name) => ({ name,
      answer: await api.getWithEtag(`rule-sets/${encodeURIComponent(name)}`) })));
    const store = createStore(loaded, refresh);
    const editable = can('EDITOR');
    const message = h('div', { id: 'schedules-message', role: 'status' });
    if (pending) {
      message.append(h('p', { class: 'ok' }, pending.text));
      if (pending.problems.length) {
        message.append(h('p', {}, 'The rule set has these problems now:'),
          h('ul', { class: 'problem-list' }, pending.problems.map(problemItem)));
      }
      pending = null;
    }
    let overview = summary(store);
    const list = h('div', { id: 'schedule-list' });
    store.changed = () => {
      const next = summary(store);
      overview.replaceWith(next);
      overview = next;
      list.querySelectorAll('.schedule-card').forEach((card) => card.redraw());
    };
    store.deleted = (entry, answer) => {
      pending = { text: `Schedule ${entry.name} deleted from ${entry.set}: saved as revision ${answer.revision}.`,
        problems: answer.problems };
      refresh();
    };
    list.append(...store.entries().map((entry) => scheduleCard(entry, store, editable)));
    const addCard = (entry) => {
      const card = scheduleCard(entry, store, editable);
      list.prepend(card);
      card.querySelector('form input').focus();
      announce(`New schedule ${entry.name}: fill it in and save`);
    };

    main.append(...[
      h('h1', {}, 'Schedules'),
      h('p', { class: 'hint' }, 'Opening hours, holidays, closures and special hours that rules ask for by name'
        + ' ("when schedule sg-office is open"). These are the drafts: changes go live with the next publish.'),
      message, overview,
      // Zones for every form's zone field: the browser's IANA list and the two party zones.
      h('datalist', { id: 'schedule-zones' }, ['caller', 'callee', ...Intl.supportedValuesOf('timeZone')]
        .map((zone) => h('option', { value: zone }))),
      editable ? createForm(store, addCard) : null,
      h('h2', { class: 'visually-hidden' }, 'Each schedule'),
      list].filter(Boolean));
  },
};
