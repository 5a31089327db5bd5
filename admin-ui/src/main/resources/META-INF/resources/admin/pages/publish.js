// The Publish page: what the drafts change (semantic diff), what the publish checks say, the impact on recent calls
// (replay, on demand: it reads up to 1000 logged calls), then Publish with a comment. When a check finds errors the
// server refuses (409 publish_blocked); a publisher may go ahead with a reason, which the audit log keeps.
// Viewers and editors see everything but the buttons; the server refuses them anyway.

import { api } from '../api.js';
import { can } from '../session.js';
import { announce, field, h, showError } from '../ui.js';
import { renderHistory } from './publish-history.js';
import { renderDiff, renderFindings, renderProblems, renderReplay, renderValidation } from './publish-report.js';

// A message that survives the page's re-rendering after a publish or rollback.
let pendingMessage = null;

function report(message) {
  pendingMessage = message;
}

function impactSection() {
  const result = h('div', { id: 'impact-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', id: 'check-impact' }, 'Check impact on recent calls');
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.replaceChildren(h('p', {}, 'Replaying the last 1000 calls…'));
    try {
      result.replaceChildren(renderReplay(await api.post('replay', { count: 1000 })));
      announce('Impact check finished');
    } catch (e) {
      result.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `The replay failed: ${e.message}`));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { 'aria-labelledby': 'impact-title' },
    h('h2', { id: 'impact-title' }, 'Impact on recent calls'),
    h('p', { class: 'hint' }, 'Replays the last 1000 logged calls against the live rules and the drafts, and'
      + ' lists the calls that would be answered differently.'),
    button, result);
}

function publishForm(refresh) {
  const comment = h('input', { id: 'publish-comment', name: 'comment', maxlength: 1000, 'data-field': 'comment' });
  const outcome = h('div', { id: 'publish-outcome' });
  const form = h('form', { class: 'card', id: 'publish-form', 'aria-labelledby': 'publish-title' },
    h('h2', { id: 'publish-title' }, 'Publish'),
    field('Comment', comment, 'What changes and why; it is kept with the version.'),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary', id: 'publish-button' }, 'Publish the drafts'),
    outcome);

  const publish = async (override) => {
    const body = { comment: comment.value.trim() || null };
    if (override) {
      body.override = override;
    }
    try {
      const version = await api.post('versions', body);
      report(`Version ${version.number} is published and live.`);
      await refresh();
    } catch (e) {
      if (e.status === 409 && e.code === 'publish_blocked') {
        outcome.replaceChildren(blocked(e, publish));
        outcome.querySelector('#override-reason').focus();
      } else if (e.body && Array.isArray(e.body.problems)) {
        outcome.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, e.message),
          renderProblems(e.body.problems));
      } else {
        showError(form, e);
      }
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    outcome.replaceChildren();
    publish(null);
  });
  return form;
}

/** The refusal: the blocking findings, and Publish anyway with a required reason. */
function blocked(error, publish) {
  const reason = h('textarea', { id: 'override-reason', name: 'override', rows: 3, maxlength: 1000,
    'data-field': 'override', required: true });
  const box = h('div', { class: 'blocked', id: 'publish-blocked' },
    h('p', { class: 'bad', role: 'alert' }, `Not published: ${error.message}`),
    renderFindings(error.body.findings || [], 'blocking-findings'),
    field('Reason for publishing anyway', reason, 'Required. The audit log keeps it with the errors overridden.'),
    h('button', { type: 'button', class: 'danger', id: 'publish-anyway' }, 'Publish anyway'));
  box.querySelector('#publish-anyway').addEventListener('click', () => {
    if (!reason.value.trim()) {
      showError(box, { field: 'override', message: 'Give the reason for publishing despite the errors.' });
      return;
    }
    publish(reason.value.trim());
  });
  return box;
}

export default {
  path: 'publish',
  title: 'Publish',
  role: 'VIEWER',
  async render(main, { refresh }) {
    const [versions, diff, validation] = await Promise.all([
      api.get('versions'), api.get('versions/live/diff/draft'), api.post('validate')]);
    const message = pendingMessage;
    pendingMessage = null;
    // main.append would write null as text: drop the parts this user or this moment does not have.
    main.append(...[
      h('h1', {}, 'Publish'),
      message ? h('p', { class: 'card ok', id: 'publish-result', role: 'status' }, message) : null,
      h('dl', { class: 'facts' },
        h('dt', {}, 'Live version'),
        h('dd', { id: 'live-version-number' }, versions.live ? String(versions.live) : 'none')),
      h('section', { 'aria-labelledby': 'diff-title' },
        h('h2', { id: 'diff-title' }, 'What the drafts change'), renderDiff(diff)),
      h('section', { 'aria-labelledby': 'checks-title' },
        h('h2', { id: 'checks-title' }, 'Checks'), renderValidation(validation)),
      impactSection(),
      can('PUBLISHER') ? publishForm(refresh)
        : h('p', { class: 'hint', id: 'publish-role-note' }, 'Publishing and rolling back need the publisher role.'),
      renderHistory(versions, refresh, report)].filter(Boolean));
    if (message) {
      announce(message);
    }
  },
};
