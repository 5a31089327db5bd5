// Recent calls from the call log (numbers as stored: masked), filtered and paged, with "Why?" — the logged call
// explained again — and, for editors, "Save as test case".

import { api } from '../api.js';
import { renderExplanation } from '../explanation.js';
import { ruleName } from '../insight.js';
import { can } from '../session.js';
import { announce, clearErrors, field, h, showError } from '../ui.js';

const FILTERS = ['number', 'rule', 'outcome', 'from', 'to'];
const COLUMNS = ['Received', 'Event', 'From', 'To', 'Outcome', 'Rule', 'Menu in → out', 'Key', 'Time taken', ''];

function keyInWords(dtmf) {
  if (!dtmf) {
    return '—';
  }
  if (dtmf === 'timeout') {
    return 'none (timeout)';
  }
  const [kind, value] = dtmf.split(':');
  return kind === 'key' ? value : `${value} keys (not kept)`;
}

/** An instant as the browser's local "2026-03-10 10:00:05" (the exact instant is in the cell's title). */
function localTime(iso) {
  const t = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`
    + `:${pad(t.getSeconds())}`;
}

function took(call) {
  return call.totalMicros == null ? '—' : `${(call.totalMicros / 1000).toFixed(1)} ms`;
}

function outcomeOf(call) {
  const outcome = (call.outcome || '').toLowerCase();
  const cls = outcome === 'answered' ? 'matched' : outcome === 'fallback' ? 'failed' : 'unknown';
  return h('span', { class: `badge ${cls}`, title: call.fallbackReason || null }, outcome || '—');
}

/** What the call log recorded beside what the rules answer now. */
function comparison(explained) {
  const recorded = explained.recorded || {};
  const now = explained.now || {};
  return h('dl', { class: 'facts' },
    h('dt', {}, 'Recorded'), h('dd', {}, ruleName(recorded.rule),
      recorded.version != null ? ` (version ${recorded.version})` : '',
      recorded.menuOut ? `, next menu ${recorded.menuOut}` : ''),
    h('dt', {}, `Now (${explained.requestedVersion}, version ${explained.version})`), h('dd', {}, ruleName(now.rule),
      now.menuOut ? `, next menu ${now.menuOut}` : ''),
    h('dt', {}, 'Same answer'), h('dd', {}, explained.sameAnswer
      ? h('span', { class: 'badge matched' }, '✓ same')
      : [h('span', { class: 'badge failed' }, '✗ different'), ' the rules answer differently now']));
}

async function explain(call, cell) {
  cell.replaceChildren(h('p', { class: 'hint' }, 'Explaining…'));
  try {
    const explained = await api.post(`calls/${call.id}/explain`);
    const e = explained.explanation;
    cell.replaceChildren(h('h2', {}, `Why call ${call.id} got this answer`), e
      ? renderExplanation({ rule: explained.now.rule, fallbackReason: explained.now.fallbackReason,
        answer: explained.now.callflow, facts: e.facts, candidates: e.candidates, notes: explained.notes },
      comparison(explained))
      : h('div', {}, comparison(explained), h('ul', {}, (explained.notes || []).map((n) => h('li', {}, n)))));
    cell.scrollIntoView({ block: 'start' });
    announce(`Call ${call.id}: ${explained.now.rule || 'fallback'}`);
  } catch (e) {
    cell.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `Cannot explain this call: ${e.message}`));
  }
}

function saveForm(call, cell) {
  const name = h('input', { id: `case-name-${call.id}`, name: 'name', 'data-field': 'name', required: true,
    autocomplete: 'off', maxlength: 100, value: `call-${call.id}` });
  const outcome = h('div', { class: 'save-outcome', 'aria-live': 'polite' });
  const form = h('form', { class: 'card inline-form', 'aria-label': `Save call ${call.id} as a test case` },
    field('Test case name', name, 'Letters, digits, _ . - (at most 100); it will expect the answer the call got'),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Save test case'), ' ',
    h('button', { type: 'button', onclick: () => cell.closest('tr').remove() }, 'Cancel'),
    outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const saved = await api.post('test-cases', { name: name.value.trim(), fromCall: call.id });
      const warnings = saved.warnings || [];
      outcome.replaceChildren(h('div', {}, h('p', { class: 'ok', role: 'status' }, `Saved test case ${saved.name}.`),
        warnings.length ? h('ul', { class: 'warnings' }, warnings.map((w) => h('li', { class: 'warning' }, `Warning: ${w}`))) : null));
      form.querySelector('button[type=submit]').disabled = true;
      announce(`Saved test case ${saved.name}`);
    } catch (e) {
      showError(form, e);
    }
  });
  cell.replaceChildren(form);
  name.focus();
  name.select();
}

export default {
  path: 'calls',
  title: 'Calls',
  role: 'VIEWER',
  async render(main, { navigate, parameters }) {
    const inputs = {
      number: h('input', { id: 'calls-number', name: 'number', 'data-field': 'number', placeholder: '+6591234567',
        value: parameters.get('number') || '' }),
      rule: h('input', { id: 'calls-rule', name: 'rule', 'data-field': 'rule', placeholder: 'inbound-ivr/sg-open',
        value: parameters.get('rule') || '' }),
      outcome: h('select', { id: 'calls-outcome', name: 'outcome', 'data-field': 'outcome' },
        ['', 'answered', 'fallback', 'acknowledged', 'ignored'].map((o) => h('option',
          { value: o, selected: o === (parameters.get('outcome') || '') }, o || 'any'))),
      from: h('input', { id: 'calls-from', name: 'from', 'data-field': 'from', placeholder: '2026-03-10T00:00+08:00',
        value: parameters.get('from') || '' }),
      to: h('input', { id: 'calls-to', name: 'to', 'data-field': 'to', placeholder: '2026-03-11T00:00+08:00',
        value: parameters.get('to') || '' }),
    };
    const filters = h('form', { id: 'calls-filter', class: 'card', 'aria-label': 'Filter calls' },
      h('div', { class: 'row' },
        field('Number', inputs.number, 'Caller or dialled number, E.164 (masked numbers match by their masked form)'),
        field('Rule', inputs.rule, 'ruleSet/ruleId, or ruleSet/ruleId@v3'),
        field('Outcome', inputs.outcome),
        field('From', inputs.from, 'ISO-8601 with offset'),
        field('To', inputs.to, 'ISO-8601 with offset')),
      h('p', { class: 'form-error', role: 'alert' }),
      h('button', { type: 'submit', class: 'primary' }, 'Filter'), ' ',
      h('button', { type: 'button', id: 'calls-refresh', onclick: () => load(null) }, 'Refresh'));
    filters.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      FILTERS.forEach((k) => inputs[k].value.trim() && query.set(k, inputs[k].value.trim()));
      const target = `calls${query.toString() ? `?${query}` : ''}`;
      if (location.hash === `#/${target}`) {
        load(null);
      } else {
        navigate(target);
      }
    });
    const body = h('tbody', {});
    const older = h('button', { type: 'button', id: 'calls-older', hidden: true }, 'Older calls');
    const summary = h('p', { class: 'hint', id: 'calls-summary', 'aria-live': 'polite' });
    main.append(h('h1', {}, 'Calls'), filters, summary,
      h('div', { class: 'table-wrap' }, h('table', { id: 'calls-table', class: 'calls' },
        h('caption', {}, 'Recent webhooks, newest first (numbers as the call log stores them)'),
        h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))), body)),
      older);

    const editor = can('EDITOR');
    function detailRow(row, kind, fill) {
      const existing = row.nextElementSibling;
      if (existing && existing.classList.contains('call-detail')) {
        const same = existing.dataset.kind === kind;   // the same button again closes it
        existing.remove();
        if (same) {
          return;
        }
      }
      const cell = h('td', { colspan: COLUMNS.length });
      row.after(h('tr', { class: 'call-detail', 'data-kind': kind }, cell));
      fill(cell);
    }
    function rowOf(call) {
      const isAction = call.eventType === 'CALL_ACTION';
      const row = h('tr', { 'data-call-id': call.id, 'data-session': call.sessionId || '' },
        h('td', { title: call.receivedAt }, localTime(call.receivedAt)),
        h('td', {}, call.eventType, call.callStatus ? h('div', { class: 'hint' }, call.callStatus) : null),
        h('td', {}, call.source || '—'),
        h('td', {}, call.destination || '—'),
        h('td', {}, outcomeOf(call)),
        h('td', {}, call.rule ? [call.rule, call.version != null ? h('span', { class: 'hint' }, ` v${call.version}`) : null] : '—'),
        h('td', {}, `${call.menuIn || '—'} → ${call.menuOut || '—'}`),
        h('td', {}, keyInWords(call.dtmf)),
        h('td', {}, took(call)),
        h('td', { class: 'actions' }));
      if (isAction) {
        row.lastChild.append(h('button', { type: 'button', class: 'why',
          'aria-label': `Why did call ${call.id} get this answer?`,
          onclick: () => detailRow(row, 'why', (cell) => explain(call, cell)) }, 'Why?'));
        if (editor) {
          row.lastChild.append(' ', h('button', { type: 'button', class: 'save-case',
            'aria-label': `Save call ${call.id} as a test case`,
            onclick: () => detailRow(row, 'save', (cell) => saveForm(call, cell)) }, 'Save as test case'));
        }
      }
      return row;
    }

    let nextBefore = null;
    async function load(before) {
      const query = new URLSearchParams();
      FILTERS.forEach((k) => parameters.get(k) && query.set(k, parameters.get(k)));
      if (before) {
        query.set('before', before);
      }
      clearErrors(filters);
      try {
        const page = await api.get(`calls${query.toString() ? `?${query}` : ''}`);
        if (!before) {
          body.replaceChildren();
        }
        body.append(...page.calls.map(rowOf));
        nextBefore = page.nextBefore;
        older.hidden = nextBefore == null;
        const shown = body.querySelectorAll('tr[data-call-id]').length;
        summary.textContent = shown ? `${shown} call${shown === 1 ? '' : 's'} shown.` : 'No calls match.';
      } catch (e) {
        if (e.status === 401) {
          throw e;
        }
        showError(filters, e);
      }
    }
    older.addEventListener('click', () => load(nextBefore));
    await load(null);
  },
};
