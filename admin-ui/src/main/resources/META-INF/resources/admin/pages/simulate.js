// Simulate: compose a call in plain terms (or paste an 8x8 event) and see what the chosen rules answer and why.
// Nothing is recorded; the server explains with the same compiled rules the webhook uses.

import { api } from '../api.js';
import { analysisEntries, COMMON_ZONES, menusOf, numbersOf, versionSelect } from '../insight.js';
import { renderExplanation } from '../explanation.js';
import { announce, clearErrors, field, h, showError } from '../ui.js';
import { countryCode, countryDatalist } from '../rule-form/countries.js';

function localNow() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

function input(name, attributes = {}) {
  return h('input', { id: `sim-${name}`, name, 'data-field': `$.call.${name}`, autocomplete: 'off', ...attributes });
}

function select(name, options, attributes = {}) {
  return h('select', { id: `sim-${name}`, name, 'data-field': `$.call.${name}`, ...attributes },
    options.map(([value, label]) => h('option', { value }, label)));
}

function composeForm(entries) {
  const refs = numbersOf(entries).filter((n) => n.property === 'virtualNumberRef').map((n) => n.number);
  const numbers = numbersOf(entries).filter((n) => n.property !== 'virtualNumberRef').map((n) => n.number);
  const menus = [...new Set(entries.filter((e) => e.menu).map((e) => e.menu))];
  const ref = select('virtualNumberRef', [['', '(none)'], ...refs.map((r) => [r, r])]);
  const menuList = h('datalist', { id: 'sim-menus' }, menus.map((m) => h('option', { value: m })));
  ref.addEventListener('change', () => {
    const own = menusOf(entries, ref.value);
    menuList.replaceChildren(...(own.length ? own : menus).map((m) => h('option', { value: m })));
  });
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return h('form', { id: 'compose-form', class: 'card', 'aria-label': 'Compose a call', novalidate: true },
    h('div', { class: 'row' },
      field('Caller number', input('caller', { required: true, placeholder: '+6591234567', inputmode: 'tel' }),
        'E.164, or a Voice SDK user id for a VoIP call'),
      field('Virtual number', input('virtualNumber', { required: true, placeholder: '+6531580001', inputmode: 'tel',
        list: 'sim-numbers' }), 'The number that was dialled'),
      field('Virtual number ref', ref, '8x8\'s reference id, as the rules name it'),
      field('Caller country', input('callerCountry', { list: countryDatalist(), placeholder: 'from the caller number' }),
        'A name or ISO code; empty: the country of the caller number')),
    h('datalist', { id: 'sim-numbers' }, numbers.map((n) => h('option', { value: n }))),
    h('div', { class: 'row' },
      field('Date and time', input('at', { required: true, value: localNow(), placeholder: '2026-03-10T10:00' }),
        'Local time YYYY-MM-DDTHH:MM in the zone, or an instant ending in Z'),
      field('Time zone', input('zone', { value: browserZone, list: 'sim-zones', placeholder: 'Asia/Singapore' }),
        'An IANA zone: pick one or type any'),
      h('datalist', { id: 'sim-zones' }, COMMON_ZONES.map((z) => h('option', { value: z })))),
    h('div', { class: 'row' },
      field('Menu', input('menu', { list: 'sim-menus', placeholder: 'main_menu' }),
        'The menu the caller is in; empty for the first answer'),
      menuList,
      field('DTMF key(s)', input('dtmf', { placeholder: '1', inputmode: 'numeric' }), 'Keys pressed; empty for none'),
      field('Call status', select('status', [['', 'automatic'], ['CALL_RECEIVED', 'Call received'],
        ['ACTION_COMPLETED', 'Action completed']]), 'Automatic: action completed when a menu or key is given'),
      field('Call type', select('callType', [['PSTN', 'PSTN (phone)'], ['VOIP', 'VoIP']])),
      field('Direction', select('direction', [['INBOUND', 'Inbound'], ['OUTBOUND', 'Outbound']]))),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Simulate'));
}

function pasteForm() {
  return h('form', { id: 'paste-form', class: 'card', 'aria-label': 'Paste an 8x8 event', hidden: true,
    novalidate: true },
    field('8x8 event (JSON)', h('textarea', { id: 'sim-event', name: 'event', 'data-field': '$', spellcheck: 'false',
      placeholder: '{"namespace": "VOICE", "eventType": "CALL_ACTION", "payload": {…}}' }),
      'The webhook body as 8x8 sends it, or its payload; it is sent as it is.'),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Simulate'));
}

/** The composed call: only the fields given, so the server's defaults apply to the rest. */
function composedCall(form) {
  const call = {};
  for (const name of ['caller', 'callerCountry', 'virtualNumber', 'virtualNumberRef', 'at', 'zone', 'menu', 'dtmf',
    'status', 'callType', 'direction']) {
    const value = form.elements[name].value.trim();
    if (value) {
      call[name] = value;
    }
  }
  if (call.callerCountry) {
    // "Singapore (SG)" or "singapore" → SG; anything else is sent as typed and the server says what is wrong.
    call.callerCountry = countryCode(call.callerCountry) || call.callerCountry;
  }
  return { call };
}

function resultOf(simulation) {
  const composed = simulation.event
    ? h('details', {}, h('summary', {}, 'The composed 8x8 event'),
      h('pre', { class: 'json' }, JSON.stringify(simulation.event, null, 2)))
    : null;
  const used = h('p', { class: 'hint' }, `Rules: ${simulation.reference === 'live' ? 'live' : simulation.reference}`
    + (simulation.version ? ` (version ${simulation.version})` : ' (drafts)'));
  return renderExplanation({
    rule: simulation.answeredBy, fallbackReason: simulation.fallbackReason, answer: simulation.answer,
    facts: simulation.facts, candidates: simulation.candidates, notes: simulation.notes,
  }, h('div', {}, used, composed));
}

export default {
  path: 'simulate',
  title: 'Simulate',
  role: 'VIEWER',
  async render(main) {
    const [entries, version] = await Promise.all([analysisEntries(), versionSelect('sim-version')]);
    const compose = composeForm(entries);
    const paste = pasteForm();
    const result = h('section', { id: 'simulation-result', 'aria-live': 'polite', 'aria-label': 'Simulation result' });
    const mode = (value, label, checked) => h('label', { class: 'inline' },
      h('input', { type: 'radio', name: 'sim-mode', value, checked, onchange: () => {
        compose.hidden = value !== 'compose';
        paste.hidden = value !== 'paste';
      } }), ` ${label}`);
    main.append(h('h1', {}, 'Simulate a call'),
      h('p', {}, 'What would this call get, and why? Nothing is recorded and no agent is called.'),
      h('div', { class: 'row sim-top' }, field('Rules version', version),
        h('fieldset', { class: 'modes' }, h('legend', {}, 'Describe the call'),
          mode('compose', 'Compose a call', true), mode('paste', 'Paste an 8x8 event', false))),
      compose, paste, result);

    async function simulate(form, body) {
      clearErrors(form);
      version.removeAttribute('aria-invalid');
      document.getElementById('sim-version-error').textContent = '';
      result.replaceChildren(h('p', { class: 'hint' }, 'Simulating…'));
      try {
        const simulation = await api.post(`simulate?version=${encodeURIComponent(version.value)}`, body);
        result.replaceChildren(h('h2', {}, 'Result'), resultOf(simulation));
        result.scrollIntoView({ block: 'start' });
        announce(simulation.answeredBy ? `Decided by ${simulation.answeredBy}` : 'Fallback: no rule decided');
      } catch (e) {
        result.replaceChildren();
        if (e.status === 404 && !e.field) {
          // An unknown version or no drafts: the version select is what to change.
          showError(main, { ...e, field: 'version', message: e.message });
        } else if (form === paste && e.field && e.field !== '$') {
          showError(form, { field: '$', message: `${e.message} (${e.field})` });
        } else {
          showError(form, e);
        }
        announce(`Not simulated: ${e.message}`);
      }
    }
    compose.addEventListener('submit', (event) => {
      event.preventDefault();
      simulate(compose, composedCall(compose));
    });
    paste.addEventListener('submit', (event) => {
      event.preventDefault();
      simulate(paste, paste.elements.event.value);
    });
  },
};
