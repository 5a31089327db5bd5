// How a decision is shown, wherever it comes from (a simulation or a logged call explained again): the deciding
// rule or the fallback and why, the callflow in plain words, the local clocks the rules saw, notes, and every
// candidate rule with each condition's expected and actual value and its outcome (in words and colour).

import { h, table } from './ui.js';
import { ruleName } from './insight.js';

const OUTCOME_SIGN = { matched: '✓', failed: '✗', unknown: '?' };

/** A badge that says its outcome in words; the colour only repeats it. */
export function outcomeBadge(outcome) {
  return h('span', { class: `badge ${outcome}` }, `${OUTCOME_SIGN[outcome] || ''} ${outcome}`.trim());
}

function digits(min, max) {
  const count = min === max ? `${min}` : `${min}–${max}`;
  return `${count} digit${max === 1 ? '' : 's'}`;
}

/** One 8x8 action as a sentence: say "…", capture 1 digit, connect to …, hang up. */
export function stepInWords(step) {
  const p = step.params || {};
  switch (step.action) {
    case 'say':
      return [h('span', { class: 'step-verb' }, 'Say '), h('q', {}, p.text),
        p.repetition > 1 ? ` (${p.repetition} times)` : null];
    case 'sayAndCapture':
      return [h('span', { class: 'step-verb' }, 'Say '), h('q', {}, p.promptMessage),
        `, then capture ${digits(p.minDigits || 1, p.maxDigits || 1)}`,
        p.noOfTries > 1 ? ` (up to ${p.noOfTries} tries)` : null, p.completeOnHash ? ', # ends the input' : null];
    case 'playFile':
      return [h('span', { class: 'step-verb' }, 'Play '), p.fileUrl];
    case 'makeCall':
      return [h('span', { class: 'step-verb' }, 'Connect to '), p.destination,
        p.source ? ` (showing ${p.source})` : null, p.callRecording ? ', recorded' : null];
    case 'hangup':
      return h('span', { class: 'step-verb' }, 'Hang up');
    default:
      return `${step.action} ${JSON.stringify(p)}`;
  }
}

/** The callflow's steps as an ordered list, and the menu the caller is put in next. */
export function callflowInWords(answer) {
  if (!answer || !Array.isArray(answer.callflow)) {
    return h('p', {}, 'No callflow.');
  }
  const menu = (answer.clientActionId || '').replace(/:v\d+$/, '');
  return h('div', { class: 'callflow' },
    h('ol', { class: 'steps' }, answer.callflow.map((step) => h('li', {}, stepInWords(step)))),
    h('p', { class: 'next-menu' }, menu ? ['Next menu: ', h('code', {}, menu)] : 'No next menu: the call needs no further decision.'));
}

function clocksTable(clocks) {
  return table([
    { title: 'Zone', value: (c) => (c.zoneId && c.zoneId !== c.zone ? `${c.zone} (${c.zoneId})` : c.zone) },
    { title: 'Date', value: (c) => c.date },
    { title: 'Weekday', value: (c) => c.dayOfWeek },
    { title: 'Time', value: (c) => c.time },
    { title: 'UTC offset', value: (c) => c.utcOffset },
    { title: 'Daylight saving', value: (c) => (c.daylightSaving ? 'yes' : 'no') },
    { title: 'Used by rules', value: (c) => (c.usedByRules ? 'yes' : 'no') },
  ], clocks, 'Local clocks at the time of the call');
}

function callFacts(call) {
  const entries = Object.entries(call || {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return h('dl', { class: 'facts compact' }, entries.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]));
}

function candidate(check) {
  const label = [ruleName(check.rule), check.winner ? h('span', { class: 'badge winner' }, 'decides') : null];
  return h('section', { class: `candidate ${check.outcome}`, 'data-rule': check.rule },
    h('h3', {}, label, ' ', outcomeBadge(check.outcome),
      h('span', { class: 'hint' }, ` priority ${check.priority ?? '—'}, rank ${check.rank ?? '—'}`)),
    h('div', { class: 'table-wrap' }, table([
      { title: 'Condition', value: (c) => c.condition },
      { title: 'Rule expects', value: (c) => c.expected },
      { title: 'Call had', value: (c) => c.actual },
      { title: 'Result', value: (c) => outcomeBadge(c.outcome) },
    ], check.conditions || [])));
}

/**
 * The whole explanation. `e` = {rule, fallbackReason, answer, facts, candidates, notes}; `extra` is shown under
 * the verdict (e.g. what the call log recorded).
 */
export function renderExplanation(e, extra) {
  const facts = e.facts || {};
  const verdict = e.rule
    ? h('p', { class: 'verdict deciding-rule' }, 'Decided by ', ruleName(e.rule))
    : h('p', { class: 'verdict fallback deciding-rule' }, 'Fallback: no rule decided',
      e.fallbackReason ? ` — ${e.fallbackReason}` : '');
  const candidates = e.candidates || [];
  return h('div', { class: 'explanation' },
    verdict,
    extra || null,
    (e.notes && e.notes.length) ? h('div', { class: 'notes', role: 'note' }, h('h2', {}, 'Notes'),
      h('ul', {}, e.notes.map((n) => h('li', {}, n)))) : null,
    h('h2', {}, 'What the caller hears'),
    callflowInWords(e.answer),
    h('h2', {}, 'Local clocks'),
    facts.timestamp ? h('p', { class: 'hint' }, `Event time ${facts.timestamp} (UTC)`) : null,
    h('div', { class: 'table-wrap clocks' }, clocksTable(facts.clocks || [])),
    h('details', {}, h('summary', {}, 'Call properties, schedules and other facts the rules saw'),
      callFacts(facts.call),
      Object.keys(facts.schedules || {}).length ? h('p', {}, 'Schedules: ',
        Object.entries(facts.schedules).map(([k, v]) => `${k} ${v.toLowerCase()}`).join(', ')) : null,
      facts.masking ? h('p', {}, `Masking session: ${facts.masking.toLowerCase()}`) : null,
      Object.keys(facts.pluginFacts || {}).length ? callFacts(facts.pluginFacts) : null),
    h('h2', {}, `Candidate rules (${candidates.length})`),
    candidates.length ? candidates.map(candidate) : h('p', {}, 'No rule is about this call.'));
}
