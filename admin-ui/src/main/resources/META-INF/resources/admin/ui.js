// Small DOM helpers shared by the pages: build elements without innerHTML (no injection from rule texts or call
// data), show an API error at the form field it names, and announce results to screen readers.

/** h('button', {class: 'primary', onclick: f}, 'Save') — children may be strings, nodes, arrays or null. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

/** A labelled input; the error element under it is where {@link showError} puts a message for this field. */
export function field(label, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  input.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint' }, hint) : null,
    error);
}

/**
 * Shows an API error next to the field it names (inputs carry data-field="$.payload.source" or the parameter name),
 * or in the form's general message area; clears earlier messages.
 */
export function showError(form, error) {
  form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  const target = error.field ? form.querySelector(`[data-field="${CSS.escape(error.field)}"]`) : null;
  if (target) {
    target.setAttribute('aria-invalid', 'true');
    const message = document.getElementById(`${target.id}-error`);
    if (message) {
      message.textContent = error.message;
      target.focus();
      return;
    }
  }
  if (general) {
    general.textContent = error.message + (error.field ? ` (${error.field})` : '');
  }
}

/** Clears the messages {@link showError} put on a form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error, .form-error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** A short message in the page's live region, for sighted and screen-reader users alike. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) {
    region.textContent = text;
  }
}

/** A table from rows: columns are [{title, value: row => string|Node}]. */
export function table(columns, rows, caption) {
  return h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.title)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', {}, c.value(row)))))));
}
