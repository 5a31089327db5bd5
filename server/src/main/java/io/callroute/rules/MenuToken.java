package io.callroute.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The menu state as it travels through 8x8: our answer's {@code clientActionId}, echoed in the call's next event.
 * It carries the rule version that answered ({@code main_menu:v12}), so a caller in the middle of a menu keeps
 * being answered by the version the call started with even after a new one goes live; rule authors only ever see
 * the menu name. A clientActionId without a version (rules loaded without versions, or set by someone else) is
 * taken as a plain menu name and answered by the live version.
 *
 * @param menu    the menu name, or null for none
 * @param version the rule version, or 0 for "the live one"
 */
public record MenuToken(String menu, int version) {

    private static final Pattern VERSIONED = Pattern.compile("(.+):v([1-9][0-9]{0,8})");

    /** Reads a clientActionId as 8x8 echoed it; null gives no menu. */
    public static MenuToken parse(String clientActionId) {
        if (clientActionId == null || clientActionId.isEmpty()) {
            return new MenuToken(null, 0);
        }
        Matcher matcher = VERSIONED.matcher(clientActionId);
        if (matcher.matches()) {
            return new MenuToken(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        return new MenuToken(clientActionId, 0);
    }

    /** The clientActionId for the next menu answered by {@code version}; null when there is no next menu. */
    public static String format(String menu, int version) {
        if (menu == null) {
            return null;
        }
        return version > 0 ? menu + ":v" + version : menu;
    }
}
