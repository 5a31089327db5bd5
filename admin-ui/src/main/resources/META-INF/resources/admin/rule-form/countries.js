// Countries chosen by name: business users think "Singapore", 8x8 and the rules say "SG". The picker searches names
// and codes, shows each chosen country as a removable chip, and gives back ISO 3166 alpha-2 codes. Names come from
// the browser (Intl.DisplayNames), so they follow the user's language without a table of our own.

import { h } from '../ui.js';
import { single } from './controls.js';

// ISO 3166-1 alpha-2, as the JDK lists them (Locale.getISOCountries), which is what the server accepts.
const CODES = ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV'
  + ' BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK'
  + ' FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT'
  + ' JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO'
  + ' MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY'
  + ' QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO'
  + ' TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' ');

const names = new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });

/** "Singapore (SG)"; an unknown code stays as written so that nothing a rule says is hidden. */
export function countryName(code) {
  let name = code;
  try {
    name = names.of(code);
  } catch (e) {
    // not a region code the browser knows: show the code
  }
  return name && name !== code ? `${name} (${code})` : code;
}

const COUNTRIES = CODES.map((code) => ({ code, label: countryName(code) }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** The code for what the user typed: a code ("sg"), a name ("singapore") or a datalist label ("Singapore (SG)"). */
export function countryCode(typed) {
  const text = typed.trim().toLowerCase();
  if (!text) {
    return null;
  }
  const found = COUNTRIES.find((c) => c.code.toLowerCase() === text || c.label.toLowerCase() === text
    || c.label.toLowerCase().startsWith(`${text} (`));
  return found ? found.code : null;
}

let datalistAdded = false;

/** The id of a page-wide datalist of every country's name with its code. */
export function countryDatalist() {
  if (!datalistAdded) {
    document.body.append(h('datalist', { id: 'country-names' },
      COUNTRIES.map((c) => h('option', { value: c.label }))));
    datalistAdded = true;
  }
  return 'country-names';
}

/**
 * A country multi-picker. {@code id} labels the search input (the caller's <label for>); {@code path} is where the
 * server's messages about this condition go. Returns {element, input, focus, value()}: one code, a list, or undefined.
 */
export function countryPicker(id, initial, path) {
  const chosen = [];
  const chips = h('ul', { class: 'chips', 'aria-label': 'Chosen countries' });
  const input = h('input', { id, type: 'text', list: countryDatalist(), autocomplete: 'off',
    placeholder: 'Type a country name, e.g. Singapore', 'data-path': path });
  const message = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  input.setAttribute('aria-describedby', `${id}-error`);

  const draw = () => chips.replaceChildren(...chosen.map((code) => h('li', { class: 'chip', 'data-code': code },
    countryName(code), h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${countryName(code)}`,
      onclick: () => { chosen.splice(chosen.indexOf(code), 1); draw(); input.focus(); } }, '×'))));
  const add = () => {
    if (!input.value.trim()) {
      return;
    }
    const code = countryCode(input.value);
    if (!code) {
      message.textContent = `“${input.value}” is not a country this list knows; type its name or its two-letter code.`;
      return;
    }
    message.textContent = '';
    if (!chosen.includes(code)) {
      chosen.push(code);
      draw();
    }
    input.value = '';
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  });
  // Picking from the datalist fills the input with a full label: take it at once.
  input.addEventListener('input', () => {
    if (COUNTRIES.some((c) => c.label === input.value)) {
      add();
    }
  });
  for (const code of initial) {
    if (!chosen.includes(code)) {
      chosen.push(String(code).toUpperCase());
    }
  }
  draw();
  const element = h('div', { class: 'country-picker' }, chips,
    h('div', { class: 'inline-add' }, input, h('button', { type: 'button', onclick: add }, 'Add country')), message);
  return { element, input, focus: input, value: () => single([...chosen]) };
}
