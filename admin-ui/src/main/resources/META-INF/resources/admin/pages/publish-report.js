// Readable renderings for the Publish page: the semantic diff of drafts against live, the problems and findings of
// the publish checks, and the replay of recent calls (what the drafts would answer differently).

import { h, table } from '../ui.js';

function value(v) {
  if (v === undefined || v === null) {
    return '(nothing)';
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function changeLine(change) {
  if (change.kind === 'added') {
    return h('li', {}, h('code', {}, change.field), ' set to ', h('code', {}, value(change.after)));
  }
  if (change.kind === 'removed') {
    return h('li', {}, h('code', {}, change.field), ' removed (was ', h('code', {}, value(change.before)), ')');
  }
  return h('li', {}, h('code', {}, change.field), ' changed from ', h('code', {}, value(change.before)), ' to ',
    h('code', {}, value(change.after)));
}

/** The diff of GET /api/versions/live/diff/draft as nested lists, one block per changed rule set. */
export function renderDiff(diff) {
  if (diff.identical) {
    return h('p', { id: 'diff-identical', class: 'ok' }, 'The drafts are the same as the live version.');
  }
  const blocks = [];
  for (const name of diff.ruleSetsAdded || []) {
    blocks.push(h('li', { class: 'diff-set' }, 'New rule set ', h('strong', {}, name)));
  }
  for (const name of diff.ruleSetsRemoved || []) {
    blocks.push(h('li', { class: 'diff-set' }, 'Rule set ', h('strong', {}, name), ' is removed'));
  }
  for (const set of diff.ruleSetsChanged || []) {
    const items = [
      ...(set.rulesAdded || []).map((id) => h('li', {}, 'New rule ', h('code', {}, id))),
      ...(set.rulesRemoved || []).map((id) => h('li', {}, 'Rule ', h('code', {}, id), ' removed')),
      ...(set.rulesChanged || []).map((rule) => h('li', { 'data-rule-id': rule.id }, 'Rule ', h('code', {}, rule.id),
        ' changed:', h('ul', {}, rule.changes.map(changeLine)))),
      ...(set.changes || []).map((change) => h('li', {}, 'Rule set setting ', h('ul', {}, changeLine(change)))),
      set.ruleOrderChanged ? h('li', {}, `Rule order changed: ${set.ruleOrderChanged.before.join(', ')} → `
        + `${set.ruleOrderChanged.after.join(', ')}`) : null,
    ];
    blocks.push(h('li', { class: 'diff-set' }, 'In rule set ', h('strong', {}, set.name), ':', h('ul', {}, items)));
  }
  return h('ul', { id: 'diff', class: 'diff' }, blocks);
}

function findingItem(finding) {
  const where = [finding.ruleSet, finding.ruleId].filter(Boolean).join(' / ');
  return h('li', { class: `finding ${finding.severity}`, 'data-code': finding.code },
    h('span', { class: `badge ${finding.severity}` }, finding.severity), ' ',
    h('span', { class: 'finding-source' }, `${finding.check} · ${finding.code}${where ? ` · ${where}` : ''}`), ': ',
    finding.message);
}

/** Findings of the publish checks, errors first, each with its check, code, rule and message. */
export function renderFindings(findings, id) {
  if (!findings.length) {
    return h('p', { id, class: 'ok' }, 'The publish checks found nothing.');
  }
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return h('ul', { id, class: 'findings' }, sorted.map(findingItem));
}

/** Compile problems (path + message) of drafts that cannot be published at all. */
export function renderProblems(problems) {
  return h('ul', { class: 'problem-list', id: 'validation-problems' }, problems.map((p) => h('li', { class: 'error' },
    h('strong', {}, p.ruleSet), p.ruleId ? ` rule ${p.ruleId}` : '', ', ', h('code', {}, p.path), `: ${p.message}`)));
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The validation answer: whether a publish would go through, compile problems, then findings. */
export function renderValidation(validation) {
  const errors = validation.findings.filter((f) => f.severity === 'error').length;
  const warnings = validation.findings.length - errors;
  return h('div', {},
    h('p', { id: 'validation-verdict', class: validation.valid ? 'ok' : 'bad' },
      validation.valid ? 'A publish would go through.' : 'A publish would be refused until these are fixed.',
      ` ${count(validation.problems.length, 'problem')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}.`),
    validation.problems.length ? renderProblems(validation.problems) : null,
    renderFindings(validation.findings, 'validation-findings'));
}

function answer(side) {
  if (!side) {
    return '';
  }
  const flow = Array.isArray(side.callflow) ? side.callflow
    : side.callflow && Array.isArray(side.callflow.callflow) ? side.callflow.callflow : [];
  const actions = flow.map((step) => step.action || Object.keys(step)[0]).join(', ');
  return `${side.rule}${actions ? ` (${actions})` : ''}${side.fallbackReason ? `: ${side.fallbackReason}` : ''}`;
}

function examples(list) {
  return table([
    { title: 'Call', value: (e) => `#${e.id} ${e.caller || ''} ${e.callStatus || ''}` },
    { title: 'Received', value: (e) => e.receivedAt },
    { title: 'Live answered', value: (e) => answer(e.against) },
    { title: 'Drafts answer', value: (e) => (e.reason ? e.reason : answer(e.candidate)) },
  ], list);
}

/** The replay report: counts, then each (rule before → rule after) group with its examples. */
export function renderReplay(report) {
  return h('div', { id: 'impact' },
    h('dl', { class: 'facts', id: 'impact-counts' },
      h('dt', {}, 'Calls replayed'), h('dd', { id: 'impact-total' }, String(report.total)),
      h('dt', {}, 'Same answer'), h('dd', { id: 'impact-unchanged' }, String(report.unchanged)),
      h('dt', {}, 'Different answer'), h('dd', { id: 'impact-changed' }, String(report.changed)),
      h('dt', {}, 'Cannot tell (masked digits)'), h('dd', { id: 'impact-undetermined' }, String(report.undetermined))),
    report.truncated ? h('p', { class: 'warning' }, 'Only the newest 10000 calls were replayed.') : null,
    (report.changes || []).map((group) => h('section', { class: 'impact-group' },
      h('h3', {}, `${group.from} → ${group.to}: ${group.count} ${group.count === 1 ? 'call' : 'calls'}`),
      h('div', { class: 'table-wrap' }, examples(group.examples || [])))),
    (report.undeterminedExamples || []).length ? h('section', { class: 'impact-group' },
      h('h3', {}, 'Examples the replay cannot judge'),
      h('div', { class: 'table-wrap' }, examples(report.undeterminedExamples))) : null,
    report.total === 0 ? h('p', {}, 'No calls are logged yet, so there is nothing to compare.') : null);
}
