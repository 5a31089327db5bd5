// The editor of one named schedule (docs/RULES.md §Schedules): zone, weekly hours as day checkboxes and time inputs,
// holidays, closures and special hours. It turns the form back into the schedule's JSON, keeping whatever the form
// does not show (and the document's own spelling of unchanged days and times) so a save changes only what was
// edited. Every control carries the JSON path the server names in its problems, so each message lands at its field.

import { h } from '../ui.js';
import { DAYS, daySet, keepOrWriteDays } from './schedule-words.js';

let counter = 0;

/** Ids unique on the page: several schedules' forms, and rows added and removed, live side by side. */
function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** The message slot of a control (or a group of them) that {@link showProblems} writes into. */
function errorSlot(control) {
  control.id = control.id || uid('sch');
  control.setAttribute('aria-describedby', `${control.id}-error`);
  return h('p', { class: 'field-error', id: `${control.id}-error`, role: 'alert' });
}

function labelled(label, control, hint) {
  control.id = control.id || uid('sch');
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control,
    hint ? h('p', { class: 'hint' }, hint) : null, errorSlot(control));
}

/** A time as an `<input type=time>` can show it: "24:00" (end of day) shows as 00:00; "9:00" as 09:00. */
function shownTime(value) {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(value === undefined || value === null ? '' : String(value));
  if (!match) {
    return '';
  }
  return match[1] === '24' ? '00:00' : `${match[1].padStart(2, '0')}:${match[2]}`;
}

/**
 * The time to write for a time input: the document's own text when the input still shows it (no needless change),
 * else the input's value, an end of 00:00 written as "24:00" (midnight at the end of the day); undefined if empty.
 */
function writtenTime(original, input, isEnd) {
  if (input.value === '') {
    return undefined;
  }
  if (original !== undefined && shownTime(original) === input.value) {
    return original;
  }
  return isEnd && input.value === '00:00' ? '24:00' : input.value;
}

function setOrDelete(object, key, value) {
  if (value === undefined) {
    delete object[key];
  } else {
    object[key] = value;
  }
}

function removeButton(label, onclick) {
  return h('button', { type: 'button', class: 'remove', 'aria-label': label, onclick }, 'Remove');
}

/** A fieldset with a message slot, for the lists (hours, dates) the server names as a whole. */
function group(legend, hint) {
  const set = h('fieldset', { class: 'schedule-part' }, h('legend', {}, legend),
    hint ? h('p', { class: 'hint' }, hint) : null);
  set.append(errorSlot(set));
  return set;
}

function hoursRow(item, onRemove) {
  const days = daySet(item.days) || new Set();
  const boxes = DAYS.map(([code], index) => h('input', { type: 'checkbox', value: code, 'data-day': code,
    id: uid(`day-${code.toLowerCase()}`), checked: days.has(index + 1) }));
  const dayGroup = h('fieldset', { class: 'days' }, h('legend', {}, 'Days'),
    boxes.map((box, index) => h('label', { class: 'inline', for: box.id }, box,
      h('span', { 'aria-hidden': 'true' }, DAYS[index][1].slice(0, 3)),
      h('span', { class: 'visually-hidden' }, DAYS[index][1]))));
  dayGroup.append(errorSlot(dayGroup));
  const from = h('input', { type: 'time', class: 'from', value: shownTime(item.from) });
  const to = h('input', { type: 'time', class: 'to', value: shownTime(item.to) });
  const legend = h('legend', {});
  const row = h('fieldset', { class: 'hours-row' }, legend, dayGroup,
    h('div', { class: 'times' }, labelled('From', from), labelled('Until', to),
      removeButton('', () => onRemove(row))));
  row.original = item;
  row.collect = (path) => {
    dayGroup.dataset.field = `${path}.days`;
    from.dataset.field = `${path}.from`;
    to.dataset.field = `${path}.to`;
    const chosen = new Set(boxes.filter((b) => b.checked).map((b) => DAYS.findIndex(([c]) => c === b.value) + 1));
    const out = { ...item };
    if (chosen.size === 0) {
      return { value: out, problem: { path: `${path}.days`, message: 'Pick at least one day.' } };
    }
    setOrDelete(out, 'days', keepOrWriteDays(item.days, chosen));
    setOrDelete(out, 'from', writtenTime(item.from, from, false));
    setOrDelete(out, 'to', writtenTime(item.to, to, true));
    return { value: out };
  };
  row.number = (n) => {
    legend.textContent = `Hours ${n}`;
    row.querySelector('button.remove').setAttribute('aria-label', `Remove hours ${n}`);
  };
  return row;
}

function specialRow(item, onRemove) {
  const date = h('input', { type: 'date', class: 'date', value: item.date || '' });
  const from = h('input', { type: 'time', class: 'from', value: shownTime(item.from) });
  const to = h('input', { type: 'time', class: 'to', value: shownTime(item.to) });
  const legend = h('legend', {});
  const row = h('fieldset', { class: 'special-row' }, legend,
    h('div', { class: 'times' }, labelled('Date', date), labelled('From', from), labelled('Until', to),
      removeButton('', () => onRemove(row))));
  row.collect = (path) => {
    date.dataset.field = `${path}.date`;
    from.dataset.field = `${path}.from`;
    to.dataset.field = `${path}.to`;
    const out = { ...item, date: date.value };
    setOrDelete(out, 'from', writtenTime(item.from, from, false));
    setOrDelete(out, 'to', writtenTime(item.to, to, true));
    return date.value ? { value: out } : { value: out, problem: { path: `${path}.date`, message: 'Pick a date.' } };
  };
  row.number = (n) => {
    legend.textContent = `Special hours ${n}`;
    row.querySelector('button.remove').setAttribute('aria-label', `Remove special hours ${n}`);
  };
  return row;
}

/** A list of rows (hours, special hours) with an Add button; rows are numbered and removable. */
function rowList(part, items, makeRow, blank, addLabel) {
  const rows = h('div', { class: 'rows' });
  const renumber = () => [...rows.children].forEach((row, i) => row.number(i + 1));
  const remove = (row) => {
    row.remove();
    renumber();
    add.focus();
  };
  const add = h('button', { type: 'button', class: 'add', onclick: () => {
    const row = makeRow(blank(), remove);
    rows.append(row);
    renumber();
    row.querySelector('input').focus();
  } }, addLabel);
  items.forEach((item) => rows.append(makeRow(item, remove)));
  renumber();
  part.append(rows, add);
  return rows;
}

/** A sorted list of dates (holidays, closures) with an Add button. */
function dateList(part, dates, noun) {
  const list = h('ul', { class: 'date-list' });
  const add = h('button', { type: 'button', class: 'add' }, `Add a ${noun}`);
  const item = (value) => {
    const input = h('input', { type: 'date', value, id: uid(noun) });
    const li = h('li', {}, h('label', { for: input.id, class: 'visually-hidden' }, noun), input,
      removeButton(`Remove ${noun}`, () => {
        li.remove();
        add.focus();
      }));
    input.addEventListener('change', () => {
      li.querySelector('button.remove').setAttribute('aria-label', `Remove ${noun} ${input.value}`);
    });
    li.querySelector('button.remove').setAttribute('aria-label', `Remove ${noun} ${value}`.trim());
    return li;
  };
  add.addEventListener('click', () => {
    const li = item('');
    list.append(li);
    li.querySelector('input').focus();
  });
  list.append(...[...new Set((Array.isArray(dates) ? dates : dates ? [dates] : []).map(String))].sort().map(item));
  part.append(list, add);
  /**
   * The chosen dates, sorted and without repeats. The list is put in that order (empty and repeated entries
   * dropped) so it shows what is sent; its items are moved, not redrawn, so nobody's focus or input is lost.
   */
  return () => {
    const seen = new Set();
    const kept = [...list.children].filter((li) => {
      const { value } = li.querySelector('input');
      const keep = value && !seen.has(value);
      seen.add(value);
      if (!keep) {
        li.remove();
      }
      return keep;
    }).sort((a, b) => a.querySelector('input').value.localeCompare(b.querySelector('input').value));
    list.append(...kept);
    return kept.map((li) => li.querySelector('input').value);
  };
}

/**
 * The form of schedule `name`. `collect()` answers {schedule, problems}: the schedule's JSON and the problems the
 * form itself finds (a row without days, a special-hours row without a date), with the JSON paths of the controls.
 */
export function scheduleForm(name, schedule, defaultZone) {
  const original = schedule && typeof schedule === 'object' ? schedule : {};
  const prefix = `$.schedules.${name}`;
  const zone = h('input', { class: 'zone', list: 'schedule-zones', autocomplete: 'off', value: original.zone || '',
    'data-field': `${prefix}.zone`, placeholder: defaultZone || 'Asia/Singapore' });
  const hours = group('Weekly hours', 'Open in these hours. A row whose "until" is not after "from" runs into the'
    + ' next morning; until 00:00 is midnight at the end of the day; both empty is the whole day.');
  hours.dataset.field = `${prefix}.hours`;
  const hourRows = rowList(hours, Array.isArray(original.hours) ? original.hours : [], hoursRow,
    () => ({ days: 'MON-FRI', from: '09:00', to: '18:00' }), 'Add weekly hours');
  const holidays = group('Holidays', 'Closed all day; rules see the state "holiday".');
  holidays.dataset.field = `${prefix}.holidays`;
  const holidayDates = dateList(holidays, original.holidays, 'holiday');
  const closures = group('Closures', 'Closed all day; rules see the state "closed" (not a holiday).');
  closures.dataset.field = `${prefix}.closures`;
  const closureDates = dateList(closures, original.closures, 'closure');
  const special = group('Special hours', 'These dates use their own hours instead of the weekly ones.');
  special.dataset.field = `${prefix}.specialHours`;
  const specialRows = rowList(special, Array.isArray(original.specialHours) ? original.specialHours : [],
    specialRow, () => ({}), 'Add special hours');

  const form = h('form', { class: 'schedule-form', 'aria-label': `Edit schedule ${name}`, novalidate: true },
    labelled('Time zone', zone, `An IANA zone such as Asia/Singapore, or caller / callee. Empty: the rule set's`
      + ` default zone${defaultZone ? ` (${defaultZone})` : ''}.`),
    hours, h('div', { class: 'date-parts' }, holidays, closures), special,
    h('p', { class: 'form-error', role: 'alert' }));

  form.collect = () => {
    const problems = [];
    const rowsOf = (list, path) => [...list.children].map((row, i) => {
      const { value, problem } = row.collect(`${path}[${i}]`);
      if (problem) {
        problems.push(problem);
      }
      return value;
    });
    const out = { ...original };
    setOrDelete(out, 'zone', zone.value.trim() || undefined);
    out.hours = rowsOf(hourRows, `${prefix}.hours`);
    const dates = { holidays: holidayDates(), closures: closureDates() };
    for (const [key, values] of Object.entries(dates)) {
      setOrDelete(out, key, values.length ? values : undefined);
    }
    const specials = rowsOf(specialRows, `${prefix}.specialHours`);
    setOrDelete(out, 'specialHours', specials.length ? specials : undefined);
    return { schedule: out, problems };
  };
  return form;
}

/** "$.schedules.x.hours[0].to" → its parent "$.schedules.x.hours[0]"; null at the schedule itself. */
function parentPath(path, prefix) {
  if (path.length <= prefix.length) {
    return null;
  }
  const parent = path.replace(/(\.[^.[\]]*|\[\d+])$/, '');
  return parent === path ? null : parent;
}

/**
 * Puts each problem ({path, message}) at the control whose data-field is its path, or the nearest enclosing one
 * (a problem with a whole list lands at the list); the rest in the form's general message. Focuses the first.
 */
export function showProblems(form, prefix, problems) {
  clearProblems(form);
  const general = [];
  let first = null;
  for (const problem of problems) {
    const message = String(problem.message || '').replace(/`/g, '"');
    let path = problem.path || '';
    let target = null;
    while (path && !target) {
      target = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
      path = target ? path : parentPath(path, prefix);
    }
    const slot = target && document.getElementById(`${target.id}-error`);
    if (!slot) {
      general.push(message);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    target.setAttribute(target.matches('input, select') ? 'aria-invalid' : 'data-invalid', 'true');
    first = first || target;
  }
  form.querySelector('.form-error').textContent = general.join(' ');
  const focus = first && (first.matches('input, select') ? first : first.querySelector('input, button'));
  if (focus) {
    focus.focus();
  }
}

export function clearProblems(form) {
  form.querySelectorAll('.field-error, .form-error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid], [data-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    e.removeAttribute('data-invalid');
  });
}
