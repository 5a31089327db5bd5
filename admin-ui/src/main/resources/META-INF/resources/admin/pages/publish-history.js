// Version history on the Publish page: every published version and every publication (publish or rollback), with a
// Rollback per version that is not live — for publishers only, and only after a confirm step, since it changes how
// calls are answered at once.

import { api } from '../api.js';
import { can } from '../session.js';
import { h, table } from '../ui.js';

function rollbackControl(version, refresh, report) {
  const cell = h('div', { class: 'rollback' });
  const ask = h('button', { type: 'button', id: `rollback-${version.number}`,
    'aria-label': `Roll back to version ${version.number}` }, 'Rollback');
  const showAsk = () => cell.replaceChildren(ask);
  ask.addEventListener('click', () => {
    const confirm = h('button', { type: 'button', class: 'danger', id: `confirm-rollback-${version.number}` },
      `Make version ${version.number} live`);
    const cancel = h('button', { type: 'button', onclick: () => { showAsk(); ask.focus(); } }, 'Cancel');
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        await api.post(`versions/${version.number}/publish`);
        report(`Version ${version.number} is live again.`);
        await refresh();
      } catch (e) {
        cell.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `Rollback refused: ${e.message}`), ask);
      }
    });
    cell.replaceChildren(h('p', { class: 'confirm-text' },
      `Calls will be answered by version ${version.number} from now on.`), confirm, ' ', cancel);
    confirm.focus();
  });
  showAsk();
  return cell;
}

/** The history section; `refresh` re-renders the page, `report` keeps a message for the re-rendered page. */
export function renderHistory(versions, refresh, report) {
  const publisher = can('PUBLISHER');
  const columns = [
    { title: 'Version', value: (v) => h('span', {}, String(v.number), ' ',
      v.live ? h('span', { class: 'badge ok', id: 'live-badge' }, 'live') : null) },
    { title: 'Published by', value: (v) => v.createdBy },
    { title: 'When', value: (v) => new Date(v.createdAt).toLocaleString() },
    { title: 'Comment', value: (v) => v.comment || '' },
    { title: 'Rule sets', value: (v) => v.ruleSets.join(', ') },
  ];
  if (publisher) {
    columns.push({ title: 'Action', value: (v) => (v.live ? '' : rollbackControl(v, refresh, report)) });
  }
  return h('section', { 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'Version history'),
    h('div', { class: 'table-wrap', id: 'versions' }, table(columns, versions.versions, 'Versions, newest first')),
    h('div', { class: 'table-wrap', id: 'publications' }, table([
      { title: 'Version', value: (p) => String(p.version) },
      { title: 'What', value: (p) => (p.kind === 'rollback' ? 'rolled back to' : 'published') },
      { title: 'By', value: (p) => p.publishedBy },
      { title: 'When', value: (p) => new Date(p.publishedAt).toLocaleString() },
    ], versions.publications, 'Publications: each time a version went live')));
}
