package io.callroute.analysis;

import java.util.List;

/** How findings name classes of calls, in words a business user reads: "callers from countries other than SG". */
final class Labels {

    private Labels() {
    }

    static String is(String property, String value) {
        return switch (property) {
            case "sourceCountry" -> "callers from " + value;
            case "destinationCountry" -> "calls to numbers in " + value;
            case "source" -> "callers from " + value;
            case "dtmf" -> value.length() == 1 ? "key " + value : "the entry " + value;
            default -> property + " " + value;
        };
    }

    static String startsWith(String property, String prefix) {
        return switch (property) {
            case "source" -> "callers whose number starts with " + prefix;
            case "dtmf" -> "entries starting with " + prefix;
            default -> property + " starting with " + prefix;
        };
    }

    static String matching(String property, String regex, String sample) {
        return (property.equals("dtmf") ? "entries" : property) + " matching /" + regex + "/ (e.g. " + sample + ")";
    }

    static String other(String property, List<String> literals) {
        String others = String.join(", ", literals);
        if (literals.isEmpty()) {
            return "any " + property;
        }
        return switch (property) {
            case "sourceCountry" -> "callers from countries other than " + others;
            case "destinationCountry" -> "calls to countries other than " + others;
            case "source" -> "callers from numbers other than " + others;
            default -> property + " other than " + others;
        };
    }

    static String none(String property) {
        return switch (property) {
            case "dtmf" -> "no key pressed";
            case "sourceCountry" -> "callers whose country is not known";
            case "source" -> "callers without a number";
            default -> "no " + property;
        };
    }
}
