// What the insight pages (simulate, calendar, calls) share: the version picker, the numbers and menus the rules
// name (read from the analysis entries, so the lists match what the rules can answer), and one colour per rule.

import { api } from './api.js';
import { h } from './ui.js';

/** Zones offered in time-zone inputs (any IANA id may be typed). */
export const COMMON_ZONES = ['Asia/Singapore', 'Asia/Kolkata', 'Asia/Manila', 'Asia/Jakarta', 'Asia/Kuala_Lumpur',
  'Asia/Hong_Kong', 'Asia/Tokyo', 'Australia/Sydney', 'Europe/London', 'Europe/Berlin', 'Europe/Paris',
  'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'UTC'];

/** A datalist of {@link COMMON_ZONES}, for an input's `list`. */
export function zoneList(id) {
  return h('datalist', { id }, COMMON_ZONES.map((z) => h('option', { value: z })));
}

/** A select of live, draft and every published version; `value` is preselected. */
export async function versionSelect(id, value = 'live', dataField = 'version') {
  const versions = await api.get('versions').catch(() => ({ versions: [] }));
  const options = [['live', 'Live'], ['draft', 'Draft (not published)']]
    .concat(versions.versions.map((v) => [String(v.number), `Version ${v.number}${v.live ? ' (live)' : ''}`]));
  return h('select', { id, name: 'version', 'data-field': dataField },
    options.map(([v, label]) => h('option', { value: v, selected: v === String(value) }, label)));
}

/** The analysis entries of the live rules: [{numberProperty, number, menu, zone, …}]; [] when analysis fails. */
export async function analysisEntries(version = 'live') {
  try {
    const report = await api.get(`analysis?version=${encodeURIComponent(version)}`);
    return report.entries || [];
  } catch (e) {
    return [];
  }
}

/** Distinct numbers the rules name, as {number, property}, in the analysis' order. */
export function numbersOf(entries) {
  const seen = new Map();
  for (const entry of entries) {
    if (entry.number && !seen.has(entry.number)) {
      seen.set(entry.number, { number: entry.number, property: entry.numberProperty, zone: entry.zone });
    }
  }
  return [...seen.values()];
}

/** The menus callers of `number` can reach (empty list: only the first answer). */
export function menusOf(entries, number) {
  return [...new Set(entries.filter((e) => e.number === number && e.menu).map((e) => e.menu))];
}

// Light backgrounds that all keep dark text readable (contrast ≥ 7:1 with --ink).
const PALETTE = ['#cfe3ff', '#d4f2d2', '#ffe2b8', '#ead7ff', '#ffd6e0', '#c9f0ee', '#f2efb6', '#e3e7ee',
  '#ffd9c7', '#d9e8c4', '#c7dcf0', '#f0d4ec'];

/** The same colour for a rule wherever it shows (derived from its name, not from the order it appears in). */
export function ruleColour(rule) {
  let hash = 0;
  for (const ch of rule) {
    hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  }
  return PALETTE[hash % PALETTE.length];
}

/** `set/id` shown with its rule set in a lighter tone. */
export function ruleName(rule) {
  if (!rule) {
    return h('span', { class: 'fallback-name' }, 'fallback (no rule)');
  }
  const at = rule.indexOf('/');
  return h('span', { class: 'rule-name' }, at < 0 ? rule : [h('span', { class: 'rule-set' }, rule.slice(0, at + 1)),
    rule.slice(at + 1)]);
}
