// One schedule on the Schedules page: what it says in plain words, which rules ask for it (linked to the rule
// editor), and for editors its form with Save and Delete. Saving goes through the page's `store`, which PUTs the
// whole rule set document with only this schedule changed; a 409 (someone else saved the set meanwhile) keeps the
// form as the user left it and offers to save over their version or to reload.

import { ApiError } from '../api.js';
import { announce, h } from '../ui.js';
import { clearProblems, scheduleForm, showProblems } from './schedule-form.js';
import { dateWords, hoursWords, timeWords, upcoming, zoneWords } from './schedule-words.js';

function datesWords(dates) {
  const all = Array.isArray(dates) ? dates.map(String) : dates ? [String(dates)] : [];
  if (all.length === 0) {
    return 'none';
  }
  const next = upcoming(all);
  const earlier = all.length - next.length;
  return `${next.length ? next.map(dateWords).join(', ') : 'none to come'}${earlier ? ` (and ${earlier} earlier)` : ''}`;
}

function specialWords(special) {
  if (!Array.isArray(special) || special.length === 0) {
    return 'none';
  }
  return special.map((s) => `${dateWords(s && s.date)} ${timeWords(s && s.from, s && s.to)}`).join('; ');
}

/** The rules that ask for a schedule, as links to the rule editor: "sg-holiday (when it is holiday)". */
export function usedByList(users) {
  if (users.length === 0) {
    return h('span', { class: 'used-by' }, 'no rule');
  }
  return h('ul', { class: 'used-by' }, users.map(({ set, rule, states }) => h('li', {},
    h('a', { href: `#/rules?set=${encodeURIComponent(set)}&rule=${encodeURIComponent(rule)}` }, rule),
    ` in ${set}, when it is ${states}`)));
}

function facts(entry, defaultZone, users) {
  const s = entry.schedule || {};
  return h('dl', { class: 'facts schedule-facts' },
    h('dt', {}, 'Time zone'), h('dd', {}, zoneWords(s.zone, defaultZone)),
    h('dt', {}, 'Weekly hours'), h('dd', { class: 'weekly-hours' }, hoursWords(s.hours)),
    h('dt', {}, 'Holidays'), h('dd', { class: 'holidays' }, datesWords(s.holidays)),
    h('dt', {}, 'Closures'), h('dd', { class: 'closures' }, datesWords(s.closures)),
    h('dt', {}, 'Special hours'), h('dd', { class: 'special-hours' }, specialWords(s.specialHours)),
    h('dt', {}, 'Used by'), h('dd', {}, usedByList(users)));
}

function plural(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A problem of the rule set in a list: the rule (linked) or the path, and the server's message. */
export function problemItem(problem) {
  const where = problem.ruleId
    ? h('a', { href: `#/rules?set=${encodeURIComponent(problem.ruleSet)}&rule=${encodeURIComponent(problem.ruleId)}` },
      `rule ${problem.ruleId}`)
    : h('code', {}, problem.path);
  return h('li', {}, where, ` in ${problem.ruleSet}: ${String(problem.message).replace(/`/g, '"')}`);
}

/** What a save answered, in words; problems about this schedule go to its fields, others are listed. */
function savedOutcome(form, prefix, answer) {
  const about = (p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`);
  const mine = answer.problems.filter(about);
  const others = answer.problems.filter((p) => !about(p));
  showProblems(form, prefix, mine);
  return [
    h('p', { class: mine.length ? 'warning' : 'ok' }, `Saved as revision ${answer.revision}.`,
      mine.length ? ` The draft has ${plural(mine.length, 'problem')} with this schedule, shown at the fields;`
        + ' fix them and save again before publishing.' : ''),
    others.length ? h('div', { class: 'other-problems' }, h('p', {}, `The rule set has ${plural(others.length,
      'other problem')}:`), h('ul', { class: 'problem-list' }, others.map(problemItem))) : null,
  ];
}

/**
 * The card of `entry` ({set, name, schedule, saved}). `store` is the page's: save(set, name, schedule|null),
 * reload(set), defaultZone(set), usersOf(name), changed() (redraw the summary), deleted(entry, answer), refresh().
 */
export function scheduleCard(entry, store, editable) {
  const card = h('section', { class: 'card schedule-card', 'data-schedule': entry.name, 'data-rule-set': entry.set,
    'aria-labelledby': `schedule-title-${entry.name}` });
  const head = h('div', { class: 'schedule-head' },
    h('h2', { id: `schedule-title-${entry.name}` }, entry.name),
    h('span', { class: 'hint' }, `in rule set ${entry.set}`));
  let factList = facts(entry, store.defaultZone(entry.set), store.usersOf(entry.name));
  card.append(head, factList);
  card.redraw = () => {
    const next = facts(entry, store.defaultZone(entry.set), store.usersOf(entry.name));
    factList.replaceWith(next);
    factList = next;
  };
  if (!editable) {
    return card;
  }

  const prefix = `$.schedules.${entry.name}`;
  const form = scheduleForm(entry.name, entry.schedule, store.defaultZone(entry.set));
  form.id = `schedule-form-${entry.name}`;
  form.hidden = entry.saved;
  const toggle = h('button', { type: 'button', class: 'edit-toggle', 'aria-controls': form.id,
    'aria-expanded': String(!form.hidden) }, `Edit ${entry.name}`);
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) {
      form.querySelector('input').focus();
    }
  });
  head.append(toggle);
  const outcome = h('div', { class: 'save-outcome', role: 'status' });
  const remove = h('button', { type: 'button', class: 'danger delete-schedule' }, `Delete ${entry.name}`);
  form.append(h('div', { class: 'form-actions' },
    h('button', { type: 'submit', class: 'primary' }, `Save ${entry.name}`), ' ', remove), outcome);
  card.append(form);
  if (!entry.saved) {
    outcome.append(h('p', { class: 'hint' }, `New schedule in ${entry.set}: not saved yet.`));
  }

  // Through h(), which leaves out the parts that are null (replaceChildren would write "null").
  const conflict = (schedule) => outcome.replaceChildren(h('div', {},
    h('p', { class: 'form-error', role: 'alert' }, `Someone else saved rule set ${entry.set} after this page read`
      + ' it, so this was not saved. Your changes are still in the form.'),
    schedule ? h('p', { class: 'hint' }, 'Saving over their version keeps their other changes to the rule set and'
      + ' replaces theirs to this schedule.') : null,
    h('div', { class: 'form-actions' },
      schedule ? h('button', { type: 'button', class: 'save-over', onclick: async () => {
        await store.reload(entry.set);
        send(schedule);
      } }, 'Save over their version') : null, ' ',
      h('button', { type: 'button', onclick: () => store.refresh() }, 'Discard my changes and reload'))));

  async function send(schedule) {
    outcome.replaceChildren(h('p', {}, 'Saving…'));
    try {
      const answer = await store.save(entry.set, entry.name, schedule);
      entry.schedule = schedule;
      entry.saved = true;
      outcome.replaceChildren(h('div', {}, savedOutcome(form, prefix, answer)));
      card.redraw();
      store.changed();
      announce(`${entry.name} saved as revision ${answer.revision}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        conflict(schedule);
      } else if (e instanceof ApiError && e.field) {
        outcome.replaceChildren();
        showProblems(form, prefix, [{ path: e.field, message: e.message }]);
      } else {
        outcome.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `Not saved: ${e.message}`));
      }
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearProblems(form);
    const { schedule, problems } = form.collect();
    if (problems.length) {
      outcome.replaceChildren(h('p', { class: 'form-error' }, 'Not saved: see the messages at the fields.'));
      showProblems(form, prefix, problems);
      return;
    }
    send(schedule);
  });

  remove.addEventListener('click', async () => {
    if (!entry.saved) {
      card.remove();
      announce(`New schedule ${entry.name} dropped`);
      return;
    }
    const users = store.usersOf(entry.name);
    const warning = users.length ? `\n\n${plural(users.length, 'rule')} use it (${users.map((u) => u.rule)
      .join(', ')}); they will have problems until they stop naming it.` : '';
    if (!window.confirm(`Delete schedule ${entry.name} from rule set ${entry.set}?${warning}`)) {
      return;
    }
    try {
      store.deleted(entry, await store.save(entry.set, entry.name, null));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        conflict(null);
      } else {
        outcome.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `Not deleted: ${e.message}`));
      }
    }
  });
  return card;
}
