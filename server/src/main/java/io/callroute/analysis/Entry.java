package io.callroute.analysis;

/**
 * One way into the rules the analysis looks at on its own: a number (the property a rule names it by and its value)
 * at one stage of a call — the first answer ({@code CALL_RECEIVED}, no menu yet) or the answer after an action
 * completed in a menu ({@code ACTION_COMPLETED} with that menu).
 *
 * @param numberProperty {@code virtualNumberRef}, {@code virtualNumber} or {@code destination}; null for rules that
 *                       name no number (their menus are analysed for any number)
 * @param number         the exact value, null with {@code numberProperty}
 * @param menu           the menu state, null for the first answer
 */
public record Entry(String numberProperty, String number, String menu) {

    public boolean firstRound() {
        return menu == null;
    }

    public String callStatus() {
        return firstRound() ? "CALL_RECEIVED" : "ACTION_COMPLETED";
    }

    /** Whether the entry is about the same number as {@code other} (menus of one number form its menu graph). */
    boolean sameNumber(Entry other) {
        return java.util.Objects.equals(numberProperty, other.numberProperty)
                && java.util.Objects.equals(number, other.number);
    }

    /** The calls the entry stands for, as a business user reads it: "Calls to vn-sg-ivr-01 in menu main_menu". */
    public String subject() {
        String calls = number == null ? "Calls to any number" : "Calls to " + number;
        return firstRound() ? calls : calls + " in menu " + menu;
    }

    /** The number alone, for sentences about menus: "vn-sg-ivr-01", or "any number". */
    String numberText() {
        return number == null ? "any number" : number;
    }
}
