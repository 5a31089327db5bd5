// Days and hours ("weekdays 09:00–18:00 Singapore time") as form controls: weekday checkboxes, from/to, zone and
// optional dates, one fieldset per window (any window may hold). Times are typed as HH:MM text rather than
// <input type=time> because the rule format's "to" may be "24:00", which a time input cannot hold.

import { h } from '../ui.js';
import { errorSlot, listOf, single, uid } from './controls.js';

export const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS = [0, 1, 2, 3, 4];
const WEEKEND = [5, 6];

function dayIndex(text) {
  return DAYS.indexOf(text.slice(0, 3));
}

/** The days a rule's `days` value names, as indexes 0 (Monday) … 6; null when it names something unknown. */
export function parseDays(value) {
  if (value === undefined || value === null) {
    return new Set([0, 1, 2, 3, 4, 5, 6]);
  }
  const days = new Set();
  for (const item of listOf(value)) {
    const text = String(item).trim().toUpperCase();
    if (text === 'WEEKDAYS') {
      WEEKDAYS.forEach((d) => days.add(d));
    } else if (text === 'WEEKEND' || text === 'WEEKENDS') {
      WEEKEND.forEach((d) => days.add(d));
    } else if (['DAILY', 'EVERY DAY', 'EVERYDAY'].includes(text)) {
      [0, 1, 2, 3, 4, 5, 6].forEach((d) => days.add(d));
    } else if (text.includes('-')) {
      const [from, to] = text.split('-').map((t) => dayIndex(t.trim()));
      if (from < 0 || to < 0) {
        return null;
      }
      for (let d = from; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === to) {
          break;
        }
      }
    } else if (dayIndex(text) >= 0) {
      days.add(dayIndex(text));
    } else {
      return null;
    }
  }
  return days;
}

/** Chosen day indexes as the rule format writes them; undefined for every day (or none: the server says why). */
export function writeDays(days) {
  const sorted = [...days].sort();
  if (sorted.length === 7 || sorted.length === 0) {
    return undefined;
  }
  const same = (list) => list.length === sorted.length && list.every((d, i) => d === sorted[i]);
  if (same(WEEKDAYS)) {
    return 'MON-FRI';
  }
  if (same(WEEKEND)) {
    return 'weekend';
  }
  return single(sorted.map((d) => DAYS[d]));
}

/** Weekday checkboxes with Weekdays / Weekend / Every day shortcuts. Returns {element, boxes, value()}. */
export function dayPicker(initial, path, legend = 'Days') {
  const days = parseDays(initial) || new Set();
  const boxes = DAYS.map((code, i) => h('input', { type: 'checkbox', id: uid('day'), value: code,
    checked: days.has(i) }));
  const set = (indexes) => boxes.forEach((box, i) => { box.checked = indexes.includes(i); });
  const group = h('fieldset', { class: 'checks days', 'data-path': path, tabindex: '-1', id: uid('days') },
    h('legend', {}, legend),
    boxes.map((box, i) => h('label', { class: 'inline', for: box.id }, box, DAY_NAMES[i])),
    h('span', { class: 'shortcuts' },
      h('button', { type: 'button', class: 'link', onclick: () => set(WEEKDAYS) }, 'Weekdays'),
      h('button', { type: 'button', class: 'link', onclick: () => set(WEEKEND) }, 'Weekend'),
      h('button', { type: 'button', class: 'link', onclick: () => set([0, 1, 2, 3, 4, 5, 6]) }, 'Every day')));
  return { element: h('div', {}, group, errorSlot(group)), boxes,
    value: () => writeDays(new Set(boxes.map((b, i) => (b.checked ? i : -1)).filter((i) => i >= 0))) };
}

let zonesAdded = false;

/** The id of a page-wide datalist of IANA zones, plus caller / callee. */
export function zoneDatalist() {
  if (!zonesAdded) {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    document.body.append(h('datalist', { id: 'time-zones' }, h('option', { value: 'caller' }, 'the caller’s zone'),
      h('option', { value: 'callee' }, 'the called party’s zone'), zones.map((z) => h('option', { value: z }))));
    zonesAdded = true;
  }
  return 'time-zones';
}

function textInput(label, value, path, attributes = {}) {
  const input = h('input', { id: uid('t'), type: 'text', value: value ?? '', 'data-path': path, autocomplete: 'off',
    ...attributes });
  return { input, element: h('div', { class: 'field' }, h('label', { for: input.id }, label), input, errorSlot(input)) };
}

function hhmm(label, value, path, placeholder) {
  return textInput(label, value, path, { inputmode: 'numeric', placeholder, size: 5, class: 'time-of-day' });
}

/** One window's controls; `paths(i)` re-addresses them when windows are added or removed. */
function windowEditor(window, defaultZone, onRemove) {
  const fieldset = h('fieldset', { class: 'time-window' });
  const legend = h('legend', {});
  const days = dayPicker(window.days, '');
  const from = hhmm('From', window.from, '', '09:00');
  const to = hhmm('To (not included)', window.to, '', '18:00');
  const zone = textInput('Time zone', window.zone, '', { list: zoneDatalist(),
    placeholder: defaultZone ? `rule set default: ${defaultZone}` : 'e.g. Asia/Singapore' });
  const dates = textInput('Only on these dates (optional)', listOf(window.dates).join(', '), '',
    { placeholder: 'YYYY-MM-DD, YYYY-MM-DD' });
  const remove = h('button', { type: 'button', class: 'remove', onclick: onRemove }, 'Remove this window');
  fieldset.append(legend, days.element, h('div', { class: 'row' }, from.element, to.element, zone.element),
    dates.element, remove);
  return {
    element: fieldset,
    focus: days.boxes[0],
    renumber(i, total, base) {
      legend.textContent = total > 1 ? `Window ${i + 1} of ${total} (any may hold)` : 'Window';
      remove.setAttribute('aria-label', `Remove window ${i + 1}`);
      const at = `${base}[${i}]`;
      fieldset.setAttribute('data-path', at);
      fieldset.querySelector('fieldset.days').setAttribute('data-path', `${at}.days`);
      from.input.setAttribute('data-path', `${at}.from`);
      to.input.setAttribute('data-path', `${at}.to`);
      zone.input.setAttribute('data-path', `${at}.zone`);
      dates.input.setAttribute('data-path', `${at}.dates`);
    },
    value() {
      const out = {};
      const put = (key, value) => {
        if (value !== undefined && value !== '') {
          out[key] = value;
        }
      };
      put('zone', zone.input.value.trim());
      put('days', days.value());
      put('from', from.input.value.trim());
      put('to', to.input.value.trim());
      put('dates', single(dates.input.value.split(',').map((d) => d.trim()).filter(Boolean)));
      return out;
    },
  };
}

/**
 * A list of windows under {@code base} (e.g. "when.time"): one window is written as an object, several as a list,
 * as people write them in YAML. Returns {element, focus, value()}.
 */
export function timeWindows(initial, base, defaultZone) {
  const editors = [];
  const list = h('div', { class: 'time-windows' });
  const renumber = () => editors.forEach((e, i) => e.renumber(i, editors.length, base));
  const add = (window) => {
    const editor = windowEditor(window, defaultZone, () => {
      if (editors.length > 1) {
        editors.splice(editors.indexOf(editor), 1);
        editor.element.remove();
        renumber();
        editors[0].focus.focus();
      }
    });
    editors.push(editor);
    list.append(editor.element);
    renumber();
    return editor;
  };
  const windows = listOf(initial);
  (windows.length ? windows : [{ days: 'MON-FRI', from: '09:00', to: '18:00' }]).forEach(add);
  const more = h('button', { type: 'button', onclick: () => add({}).focus.focus() }, 'Add another window');
  return {
    element: h('div', {}, list, more),
    focus: editors[0].focus,
    value: () => single(editors.map((e) => e.value())),
  };
}
