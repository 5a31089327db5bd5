// The routing calendar's week grid: days as columns, hourly (or 15-minute) rows, each cell saying which rule answers
// — in words, with the rule's colour — and gaps, DST-skipped and repeated times marked in words too.

import { h } from './ui.js';
import { ruleColour } from './insight.js';

const GAP = 'gap';
const SKIPPED = 'skipped';

function minutesOf(time) {
  const [hh, mm] = time.split(':').map(Number);
  return hh * 60 + mm;
}

function timeOf(minutes) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function shortRule(rule) {
  return rule.slice(rule.indexOf('/') + 1);
}

/** The slots of a day (plus its skipped times) grouped into rows of `rowMinutes`, in the order they happen. */
function rowsOfDay(day, rowMinutes) {
  const rows = new Map();
  const add = (item) => {
    const row = Math.floor(minutesOf(item.start) / rowMinutes);
    if (!rows.has(row)) {
      rows.set(row, []);
    }
    rows.get(row).push(item);
  };
  day.slots.forEach(add);
  day.skipped.forEach((start) => add({ start, skipped: true }));
  for (const items of rows.values()) {
    if (!items.some((i) => i.repeated)) {
      items.sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    }
  }
  return rows;
}

/** Consecutive items with the same answer, as runs {start, kind, rule, repeated, varies, offset}. */
function runsOf(items) {
  const runs = [];
  for (const item of items) {
    const kind = item.skipped ? SKIPPED : (item.rule ? 'rule' : GAP);
    const last = runs[runs.length - 1];
    if (last && last.kind === kind && last.rule === (item.rule || null) && !!last.repeated === !!item.repeated) {
      last.varies = last.varies || !!item.varies;
      continue;
    }
    runs.push({ start: item.start, kind, rule: item.rule || null, repeated: !!item.repeated, varies: !!item.varies,
      offset: item.offset });
  }
  return runs;
}

function runLabel(run) {
  const base = run.kind === SKIPPED ? 'skipped (DST)' : run.kind === GAP ? 'no rule (gap)' : shortRule(run.rule);
  return base + (run.repeated ? ` (repeated, ${run.offset})` : '') + (run.varies ? ' *' : '');
}

function runElement(run, withTime) {
  const style = run.kind === 'rule' ? `background:${ruleColour(run.rule)}` : null;
  return h('div', { class: `slot-run ${run.kind}${run.repeated ? ' repeated' : ''}`, style,
    'data-rule': run.rule || run.kind, title: run.rule || runLabel(run) },
  withTime ? h('span', { class: 'slot-time' }, `${run.start} `) : null, runLabel(run));
}

/** The grid as a table; `rowMinutes` is 60 (compact) or 15. */
export function calendarTable(calendar, rowMinutes) {
  const byDay = calendar.days.map((day) => rowsOfDay(day, rowMinutes));
  const rowCount = 1440 / rowMinutes;
  const body = [];
  for (let row = 0; row < rowCount; row++) {
    const time = timeOf(row * rowMinutes);
    body.push(h('tr', {}, h('th', { scope: 'row' }, time), calendar.days.map((day, d) => {
      const runs = runsOf(byDay[d].get(row) || []);
      return h('td', { 'data-day': day.day, 'data-date': day.date, 'data-time': time },
        runs.map((run) => runElement(run, runs.length > 1)));
    })));
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'calendar-grid', id: 'calendar-grid' },
    h('caption', {}, `Who answers ${calendar.number}${calendar.menu ? ` in menu ${calendar.menu}` : ''}, week `
      + `${calendar.week}, times in ${calendar.zone}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Time'),
      calendar.days.map((day) => h('th', { scope: 'col' }, `${day.day} ${day.date.slice(5)}`,
        day.minutes !== 1440 ? h('span', { class: 'dst-day' }, ` (${day.minutes / 60} h day)`) : null)))),
    h('tbody', {}, body)));
}

/** Every rule answering somewhere this week, with its colour, plus the marks for gaps and skipped times. */
export function legend(calendar) {
  const rules = [...new Set(calendar.days.flatMap((d) => d.slots.map((s) => s.rule)).filter(Boolean))];
  return h('ul', { class: 'legend', 'aria-label': 'Legend' },
    rules.map((rule) => h('li', {}, h('span', { class: 'swatch', style: `background:${ruleColour(rule)}` }), rule)),
    h('li', {}, h('span', { class: 'swatch gap' }), 'no rule (gap): the caller hears the fallback'),
    h('li', {}, h('span', { class: 'swatch skipped' }), 'skipped: the clocks go forward'),
    h('li', {}, '* another class of caller (country, key…) gets another answer'));
}

/** Uncovered times per day as "Mon 2026-03-23 18:00–24:00". */
export function gapRanges(calendar) {
  const ranges = [];
  for (const day of calendar.days) {
    let from = null;
    day.slots.forEach((slot, i) => {
      if (!slot.rule && from === null) {
        from = slot.start;
      }
      const next = day.slots[i + 1];
      if (from !== null && (!next || next.rule)) {
        ranges.push(`${day.day} ${day.date} ${from}–${next ? next.start : '24:00'}`);
        from = null;
      }
    });
  }
  return ranges;
}

/** The DST changes of the week in words. */
export function dstNotes(calendar) {
  const notes = [];
  for (const day of calendar.days) {
    if (day.skipped.length) {
      notes.push(`${day.day} ${day.date}: the clocks go forward; ${day.skipped[0]}–`
        + `${timeOf(minutesOf(day.skipped[day.skipped.length - 1]) + calendar.slotMinutes)} does not exist.`);
    }
    const repeated = day.slots.filter((s) => s.repeated);
    if (repeated.length) {
      notes.push(`${day.day} ${day.date}: the clocks go back; ${repeated[0].start}–`
        + `${timeOf(minutesOf(repeated[repeated.length - 1].start) + calendar.slotMinutes)} happens twice `
        + `(the second time at UTC offset ${repeated[0].offset}).`);
    }
  }
  return notes;
}
