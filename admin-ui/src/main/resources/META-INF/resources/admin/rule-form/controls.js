// Small form controls the rule editor is made of. Each returns {element, value()}: `value()` gives the rule's JSON
// for the control (undefined when the user left it empty) and each input carries data-path, the place in the rule
// the server names when it finds a problem there (see problems.js).

import { h } from '../ui.js';

let sequence = 0;

/** A fresh element id, for pairing labels and inputs. */
export function uid(prefix) {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** A list as the rule format writes it: one value alone, several as a list, none as undefined. */
export function single(values) {
  if (values.length === 0) {
    return undefined;
  }
  return values.length === 1 ? values[0] : values;
}

/** A rule value that may be one value or a list, as a list. */
export function listOf(value) {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/** The error line under a control; problems.js finds it through aria-describedby. */
export function errorSlot(input) {
  const slot = h('p', { class: 'field-error', id: `${input.id}-error`, role: 'alert' });
  input.setAttribute('aria-describedby', `${input.id}-error`);
  return slot;
}

/** Labelled checkboxes in a fieldset; the value is the checked options' values. */
export function checkboxes(legend, options, initial, path) {
  const chosen = new Set(listOf(initial).map(String));
  const boxes = options.map(([value, label]) => h('input', { type: 'checkbox', id: uid('cb'), value,
    checked: chosen.has(value) }));
  const group = h('fieldset', { class: 'checks', 'data-path': path, tabindex: '-1', id: uid('group') },
    h('legend', { class: 'visually-hidden' }, legend),
    options.map(([, label], i) => h('label', { class: 'inline', for: boxes[i].id }, boxes[i], label)));
  const slot = errorSlot(group);
  return { element: h('div', {}, group, slot), focus: boxes[0],
    value: () => single(boxes.filter((b) => b.checked).map((b) => b.value)) };
}

/** Values separated by commas, e.g. numbers or references; optional suggestions in a datalist. */
export function textList(id, initial, path, { placeholder, suggestions } = {}) {
  let list = null;
  if (suggestions && suggestions.length) {
    list = h('datalist', { id: `${id}-suggestions` }, suggestions.map((s) => h('option', { value: s })));
  }
  const input = h('input', { id, type: 'text', 'data-path': path, placeholder, autocomplete: 'off',
    list: list ? list.id : null, value: listOf(initial).join(', ') });
  return { element: h('div', {}, input, list, errorSlot(input)), focus: input,
    value: () => single(input.value.split(',').map((v) => v.trim()).filter(Boolean)) };
}

/**
 * Anything the form has no control for (a plugin's future condition, an unusual shape), as editable JSON, so that
 * opening and saving a rule in the form never loses what it says.
 */
export function rawJson(id, initial, path) {
  const input = h('textarea', { id, rows: 3, spellcheck: 'false', 'data-path': path },
    JSON.stringify(initial === undefined ? null : initial, null, 1));
  const slot = errorSlot(input);
  return { element: h('div', {}, input, h('p', { class: 'hint' }, 'Written as JSON: this form has no control for it.'),
    slot), focus: input,
  value: () => {
    try {
      slot.textContent = '';
      return JSON.parse(input.value);
    } catch (e) {
      slot.textContent = `Not valid JSON: ${e.message}`;
      throw new Error(`${path}: not valid JSON`);
    }
  } };
}

/** A select; `options` are [value, label] pairs, the first may be ['', '(…)'] for "not set". */
export function choice(id, options, initial, path) {
  const select = h('select', { id, 'data-path': path },
    options.map(([value, label]) => h('option', { value, selected: String(initial ?? '') === value }, label)));
  return { element: h('div', {}, select, errorSlot(select)), focus: select, select, value: () => select.value };
}
