// Routing calendar: for one number (or one of its menus) and one ISO week, which rule answers each quarter hour.
// The choice lives in the address (#/calendar?number=…&week=…), so a calendar can be shared and reloaded.

import { api } from '../api.js';
import { analysisEntries, menusOf, numbersOf, versionSelect, zoneList } from '../insight.js';
import { calendarTable, dstNotes, gapRanges, legend } from '../calendar-grid.js';
import { announce, field, h, showError } from '../ui.js';

/** The ISO week (YYYY-Www) of a date, read in the browser's zone. */
export function isoWeek(date) {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The week `weeks` after an ISO week; the week itself when it cannot be read. */
function shiftWeek(week, weeks) {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) {
    return week;
  }
  const jan4 = new Date(Number(match[1]), 0, 4);
  const monday = new Date(jan4);
  monday.setDate(jan4.getDate() - ((jan4.getDay() || 7) - 1) + (Number(match[2]) - 1 + weeks) * 7);
  return isoWeek(monday);
}

function options(values, selected) {
  return values.map(([value, label]) => h('option', { value, selected: value === selected }, label));
}

export default {
  path: 'calendar',
  title: 'Calendar',
  role: 'VIEWER',
  async render(main, { navigate, parameters }) {
    const version = parameters.get('version') || 'live';
    const [entries, versionInput] = await Promise.all([analysisEntries(version === 'draft' ? 'draft' : 'live'),
      versionSelect('cal-version', version)]);
    const numbers = numbersOf(entries);
    const number = parameters.get('number') || (numbers[0] && numbers[0].number) || '';
    const menu = parameters.get('menu') || '';
    const week = parameters.get('week') || isoWeek(new Date());
    const rows = parameters.get('rows') === '15' ? 15 : 60;

    const numberInput = h('select', { id: 'cal-number', name: 'number', 'data-field': 'number' },
      options(numbers.map((n) => [n.number, `${n.number}`]), number),
      numbers.some((n) => n.number === number) || !number ? null : h('option', { value: number, selected: true }, number));
    const menuInput = h('select', { id: 'cal-menu', name: 'menu', 'data-field': 'menu' });
    const fillMenus = () => menuInput.replaceChildren(...options([['', 'First answer'],
      ...menusOf(entries, numberInput.value).map((m) => [m, m])], menu));
    fillMenus();
    numberInput.addEventListener('change', fillMenus);
    const weekInput = h('input', { id: 'cal-week', name: 'week', value: week, 'data-field': 'week',
      placeholder: '2026-W13', pattern: '\\d{4}-W\\d{2}', autocomplete: 'off' });
    const zoneInput = h('input', { id: 'cal-zone', name: 'zone', value: parameters.get('zone') || '',
      'data-field': 'zone', placeholder: 'the number\'s zone', list: 'cal-zones', autocomplete: 'off' });
    const rowsInput = h('select', { id: 'cal-rows', name: 'rows' },
      options([['60', 'Hourly (compact)'], ['15', 'Every 15 minutes']], String(rows)));

    const show = (overrides = {}) => {
      const query = new URLSearchParams();
      const values = { number: numberInput.value, menu: menuInput.value, week: weekInput.value.trim(),
        version: versionInput.value, zone: zoneInput.value.trim(), rows: rowsInput.value, ...overrides };
      for (const [k, v] of Object.entries(values)) {
        if (v && !(k === 'version' && v === 'live') && !(k === 'rows' && v === '60')) {
          query.set(k, v);
        }
      }
      navigate(`calendar?${query}`);
    };
    const form = h('form', { id: 'calendar-form', class: 'card', 'aria-label': 'Which calendar' },
      h('div', { class: 'row' },
        field('Number', numberInput, 'As the rules name it'),
        field('Menu', menuInput),
        h('div', { class: 'field' }, h('label', { for: 'cal-week' }, 'ISO week'),
          h('div', { class: 'week-picker' },
            h('button', { type: 'button', 'aria-label': 'Previous week', onclick: () => show({ week: shiftWeek(weekInput.value, -1) }) }, '‹'),
            weekInput,
            h('button', { type: 'button', 'aria-label': 'Next week', onclick: () => show({ week: shiftWeek(weekInput.value, 1) }) }, '›')),
          h('p', { class: 'field-error', id: 'cal-week-error', role: 'alert' })),
        field('Time zone', zoneInput, 'Optional: draw the week in another zone'), zoneList('cal-zones'),
        field('Rules version', versionInput),
        field('Rows', rowsInput)),
      h('p', { class: 'form-error', role: 'alert' }),
      h('button', { type: 'submit', class: 'primary' }, 'Show'));
    weekInput.setAttribute('aria-describedby', 'cal-week-error');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      show();
    });
    const result = h('section', { id: 'calendar-result', 'aria-label': 'Calendar' });
    main.append(h('h1', {}, 'Routing calendar'), form, result);
    if (!number) {
      result.append(h('p', {}, 'The rules name no number yet.'));
      return;
    }

    const query = new URLSearchParams({ number, week, version });
    if (menu) {
      query.set('menu', menu);
    }
    if (zoneInput.value.trim()) {
      query.set('zone', zoneInput.value.trim());
    }
    let calendar;
    try {
      calendar = await api.get(`calendar?${query}`);
    } catch (e) {
      if (e.status === 400 || e.status === 404) {
        showError(form, e);
        return;
      }
      throw e;
    }
    const gaps = gapRanges(calendar);
    const dst = dstNotes(calendar);
    result.append(
      h('p', { class: 'hint' }, `${calendar.numberProperty || 'number'} ${calendar.number}`
        + `${calendar.menu ? `, menu ${calendar.menu}` : ', first answer'}; ${calendar.version} rules; `
        + `times in ${calendar.zone}; each slot is a typical call at its start.`),
      legend(calendar),
      h('h2', {}, 'Gaps'),
      gaps.length
        ? h('ul', { id: 'calendar-gaps', class: 'gaps' }, gaps.map((g) => h('li', {}, g)))
        : h('p', { id: 'calendar-gaps' }, 'No gaps: a rule answers every slot of this week.'),
      h('div', {}, dst.length ? [h('h2', {}, 'Daylight saving'),
        h('ul', { id: 'calendar-dst' }, dst.map((n) => h('li', {}, n)))] : null),
      calendarTable(calendar, rows));
    announce(`Calendar of ${calendar.number}, ${calendar.week}: ${gaps.length} gap${gaps.length === 1 ? '' : 's'}`);
  },
};
