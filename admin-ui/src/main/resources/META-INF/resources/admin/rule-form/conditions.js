// The "When" half of the rule editor: one row per condition, in words a business user uses ("Caller's country",
// "Days and hours", "Keys pressed"), each with its own control, added from a list and removed with a button. Every
// condition of docs/RULES.md has a control; a value the controls cannot show is kept as JSON (controls.js rawJson).

import { h } from '../ui.js';
import { checkboxes, choice, errorSlot, listOf, rawJson, single, textList, uid } from './controls.js';
import { countryPicker } from './countries.js';
import { timeWindows } from './time-windows.js';

const STATUSES = [
  ['CALL_RECEIVED', 'A new call arrives'],
  ['ACTION_COMPLETED', 'The caller answered a menu (the previous steps finished)'],
  ['DTMF_RECEIVED', 'Keys received (legacy event)'],
  ['CALL_INITIATED', 'Call initiated'], ['CALL_CONNECTED', 'Call connected'],
  ['CALL_DISCONNECTED', 'Call disconnected'], ['CALL_UPDATED', 'Call updated'],
];

/** Keys pressed: specific keys, any keys, no key (timeout) or a pattern. */
function dtmfControl(initial, path) {
  const kinds = [['keys', 'These keys'], ['any', 'Any key (some input)'], ['none', 'No key (timed out)'],
    ['pattern', 'Input matching a pattern']];
  let kind = 'keys';
  if (initial === 'any' || initial === 'none') {
    kind = initial;
  } else if (initial && typeof initial === 'object' && !Array.isArray(initial)) {
    kind = 'pattern';
  } else if (listOf(initial).some((v) => typeof v === 'object' || v === 'any' || v === 'none')) {
    return rawJson(uid('dtmf'), initial, path);
  }
  const name = uid('dtmf-kind');
  const radios = kinds.map(([value]) => h('input', { type: 'radio', name, id: uid('r'), value, checked: value === kind }));
  const keys = h('input', { id: uid('keys'), type: 'text', inputmode: 'numeric', 'data-path': path,
    placeholder: '1  (several: 1, 2)', value: kind === 'keys' ? listOf(initial).join(', ') : '' });
  const pattern = h('input', { id: uid('pattern'), type: 'text', 'data-path': `${path}.pattern`,
    placeholder: '[0-9]{4}', value: kind === 'pattern' ? initial.pattern : '' });
  const chosen = () => radios.find((r) => r.checked).value;
  const sync = () => {
    keys.closest('.field').hidden = chosen() !== 'keys';
    pattern.closest('.field').hidden = chosen() !== 'pattern';
  };
  const group = h('fieldset', { class: 'checks', 'data-path': path, tabindex: '-1', id: uid('dtmf') },
    h('legend', { class: 'visually-hidden' }, 'Which input'),
    radios.map((radio, i) => h('label', { class: 'inline', for: radio.id }, radio, kinds[i][1])));
  group.addEventListener('change', sync);
  const element = h('div', {}, group, errorSlot(group),
    h('div', { class: 'field' }, h('label', { for: keys.id }, 'Keys'), keys, errorSlot(keys)),
    h('div', { class: 'field' }, h('label', { for: pattern.id }, 'Pattern (a regular expression the whole input'
      + ' must match)'), pattern, errorSlot(pattern)));
  sync();
  return {
    element,
    focus: radios[0],
    value() {
      switch (chosen()) {
        case 'any':
        case 'none':
          return chosen();
        case 'pattern':
          return { pattern: pattern.value.trim() };
        default:
          return single(keys.value.split(/[,\s]+/).filter(Boolean));
      }
    },
  };
}

/** The menu the caller is in: the first round (no menu yet) and/or named menus. */
function menuControl(initial, path, context) {
  const values = listOf(initial).map(String);
  const first = h('input', { type: 'checkbox', id: uid('first'), checked: values.includes('none') });
  const named = textList(uid('menus'), values.filter((v) => v !== 'none'), path,
    { placeholder: 'main_menu', suggestions: context.menus });
  return {
    element: h('div', {}, h('label', { class: 'inline', for: first.id }, first,
      'The first round of the call (no menu yet)'),
    h('label', { for: named.focus.id }, 'Or in these menus'), named.element),
    focus: first,
    value: () => single([...(first.checked ? ['none'] : []), ...listOf(named.value())]),
  };
}

/** A named schedule and the states that make the condition hold. */
function scheduleControl(initial, path, context) {
  if (initial !== undefined && typeof initial !== 'string' && (typeof initial !== 'object' || Array.isArray(initial))) {
    return rawJson(uid('schedule'), initial, path);
  }
  const name = typeof initial === 'object' ? initial.name : initial;
  const states = typeof initial === 'object' ? listOf(initial.is || 'open') : ['open'];
  const names = [...new Set([...context.schedules, ...(name ? [name] : [])])].sort();
  const schedule = choice(uid('schedule'), [['', '(choose a schedule)'], ...names.map((n) => [n, n])], name, path);
  const is = checkboxes('State', [['open', 'open'], ['closed', 'closed'], ['holiday', 'on a holiday']],
    states.length ? states : ['open'], `${path}.is`);
  return {
    element: h('div', { class: 'row' }, h('div', {}, h('label', { for: schedule.select.id }, 'Schedule'),
      schedule.element),
    h('div', {}, h('p', { class: 'label' }, 'Holds while the schedule is'), is.element)),
    focus: schedule.select,
    value() {
      const chosen = listOf(is.value());
      if (!schedule.value()) {
        return undefined;
      }
      return chosen.length === 1 && chosen[0] === 'open' ? schedule.value()
        : { name: schedule.value(), is: single(chosen) };
    },
  };
}

/** The caller's number-masking session: live or none, with an optional greeting condition. */
function maskingControl(initial, path) {
  const is = typeof initial === 'object' && initial ? initial.is : initial;
  const greeting = typeof initial === 'object' && initial && initial.greeting !== undefined
    ? String(initial.greeting) : '';
  const state = choice(uid('masking'), [['live', 'The caller has a live masking session'],
    ['none', 'A masking number, but no live session for this caller']], is || 'live', path);
  const greet = choice(uid('greeting'), [['', 'either'], ['true', 'on'], ['false', 'off']], greeting,
    `${path}.greeting`);
  return {
    element: h('div', { class: 'row' }, state.element,
      h('div', {}, h('label', { for: greet.select.id }, 'Session greeting'), greet.element)),
    focus: state.select,
    value: () => (greet.value() ? { is: state.value(), greeting: greet.value() === 'true' } : state.value()),
  };
}

/** Facts from plugins: name → value(s), or present / absent. Typed by what the plugin declares. */
function factsControl(initial, path, context) {
  const rows = h('div', { class: 'fact-rows' });
  const editors = [];
  const add = (name = '', value = '') => {
    const nameInput = h('input', { id: uid('fact'), type: 'text', list: 'plugin-facts', value: name,
      placeholder: 'lookup.tier', 'data-path': name ? `${path}.${name}` : path });
    const valueInput = h('input', { id: uid('fact-value'), type: 'text', value: listOf(value).join(', '),
      placeholder: 'gold, platinum — or present / absent' });
    const row = h('div', { class: 'row fact-row' },
      h('div', { class: 'field' }, h('label', { for: nameInput.id }, 'Fact'), nameInput, errorSlot(nameInput)),
      h('div', { class: 'field' }, h('label', { for: valueInput.id }, 'Is one of'), valueInput),
      h('div', {}, h('button', { type: 'button', class: 'remove', onclick: () => {
        editors.splice(editors.indexOf(editor), 1);
        row.remove();
      } }, 'Remove fact')));
    const editor = { row, nameInput, valueInput };
    editors.push(editor);
    rows.append(row);
    return editor;
  };
  Object.entries(initial && typeof initial === 'object' ? initial : {}).forEach(([n, v]) => add(n, v));
  if (!editors.length) {
    add();
  }
  const typed = (name, text) => {
    const type = context.factTypes[name];
    if (text === 'present' || text === 'absent') {
      return text;
    }
    if (type === 'BOOLEAN' && (text === 'true' || text === 'false')) {
      return text === 'true';
    }
    if ((type === 'NUMBER' || type === 'INTEGER') && text !== '' && !Number.isNaN(Number(text))) {
      return Number(text);
    }
    return text;
  };
  return {
    element: h('div', {}, h('datalist', { id: 'plugin-facts' }, Object.keys(context.factTypes)
      .map((n) => h('option', { value: n }))), rows,
    h('button', { type: 'button', onclick: () => add().nameInput.focus() }, 'Add a fact')),
    focus: editors[0].nameInput,
    value() {
      const out = {};
      for (const { nameInput, valueInput } of editors) {
        const name = nameInput.value.trim();
        if (name) {
          nameInput.setAttribute('data-path', `${path}.${name}`);
          out[name] = single(valueInput.value.split(',').map((v) => typed(name, v.trim())).filter((v) => v !== ''));
        }
      }
      return Object.keys(out).length ? out : undefined;
    },
  };
}

function numbers(placeholder) {
  return (initial, path, context, id) => textList(id, initial, path, { placeholder });
}

/** Every condition the rule format has, in the order the "Add a condition" list offers them. */
export const CONDITIONS = [
  { key: 'callStatus', label: 'Moment in the call',
    create: (v, path) => checkboxes('Moment in the call', STATUSES, v, path) },
  { key: 'virtualNumberRef', label: 'Virtual number (8x8 reference)',
    create: (v, path, context, id) => textList(id, v, path, { placeholder: 'vn-sg-ivr-01',
      suggestions: context.references }) },
  { key: 'sourceCountry', label: 'Caller’s country',
    create: (v, path, context, id) => countryPicker(id, listOf(v), path) },
  { key: 'destinationCountry', label: 'Called party’s country',
    create: (v, path, context, id) => countryPicker(id, listOf(v), path) },
  { key: 'time', label: 'Days and hours',
    create: (v, path, context) => timeWindows(v, path, context.defaultZone) },
  { key: 'schedule', label: 'Schedule (opening hours, holidays)', create: scheduleControl },
  { key: 'menu', label: 'Menu the caller is in', create: menuControl },
  { key: 'dtmf', label: 'Keys pressed', create: dtmfControl },
  { key: 'callType', label: 'Network',
    create: (v, path) => checkboxes('Network', [['PSTN', 'Phone network (PSTN)'], ['VOIP', 'Internet (VoIP)']], v,
      path) },
  { key: 'direction', label: 'Direction',
    create: (v, path) => checkboxes('Direction', [['INBOUND', 'Inbound'], ['OUTBOUND', 'Outbound']], v, path) },
  { key: 'source', label: 'Caller’s number', create: numbers('+6591234567 or +65* for a prefix') },
  { key: 'destination', label: 'Called number', create: numbers('+6531580001 or +65*') },
  { key: 'virtualNumber', label: 'Virtual number (E.164)', create: numbers('+6531580001') },
  { key: 'subAccountId', label: '8x8 subaccount', create: numbers('your-subaccount') },
  { key: 'masking', label: 'Number masking session', create: maskingControl },
  { key: 'facts', label: 'Facts from plugins', create: factsControl },
];

/**
 * The editor of a rule's `when`. `context` holds what the controls suggest: menus, references, schedules, fact types
 * and the rule set's default zone. Returns {element, value()}; value() omits empty conditions.
 */
export function conditionsEditor(when, context) {
  const rows = [];
  const list = h('div', { class: 'conditions' });
  const empty = h('p', { class: 'hint conditions-empty' }, 'No conditions: this rule matches every event.');
  const adder = h('select', { id: 'add-condition' });
  const refreshAdder = () => {
    const used = new Set(rows.map((r) => r.key));
    adder.replaceChildren(h('option', { value: '' }, 'Add a condition…'),
      ...CONDITIONS.filter((c) => !used.has(c.key)).map((c) => h('option', { value: c.key }, c.label)));
    empty.hidden = rows.length > 0;
  };
  const add = (key, value) => {
    const spec = CONDITIONS.find((c) => c.key === key) || { key, label: key, create: (v, p, c, id) => rawJson(id, v, p) };
    const path = `when.${key}`;
    const id = uid(`when-${key}`);
    const control = spec.create(value, path, context, id);
    const labelFor = control.focus && control.focus.id === id ? id : null;
    const heading = labelFor ? h('label', { for: id, class: 'condition-label' }, spec.label)
      : h('span', { class: 'condition-label', id: `${id}-label` }, spec.label);
    const row = h('div', { class: 'condition', 'data-condition': key, role: labelFor ? null : 'group',
      'aria-labelledby': labelFor ? null : `${id}-label` },
    h('div', { class: 'condition-head' }, heading,
      h('button', { type: 'button', class: 'remove', 'aria-label': `Remove condition: ${spec.label}`,
        onclick: () => {
          rows.splice(rows.findIndex((r) => r.key === key), 1);
          row.remove();
          refreshAdder();
          adder.focus();
        } }, 'Remove')),
    control.element);
    rows.push({ key, control, row });
    list.append(row);
    refreshAdder();
    return control;
  };
  Object.entries(when || {}).forEach(([key, value]) => add(key, value));
  adder.addEventListener('change', () => {
    if (adder.value) {
      const control = add(adder.value, undefined);
      (control.focus || adder).focus();
    }
  });
  refreshAdder();
  return {
    element: h('div', {}, empty, list, h('div', { class: 'field add-condition' },
      h('label', { for: 'add-condition' }, 'Add a condition'), adder)),
    value() {
      const out = {};
      for (const { key, control } of rows) {
        const value = control.value();
        if (value !== undefined) {
          out[key] = value;
        }
      }
      return out;
    },
  };
}
