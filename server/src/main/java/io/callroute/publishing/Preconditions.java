package io.callroute.publishing;

/**
 * Reads {@code If-Match} values. Edits of existing objects must name the state they were based on — there is no
 * "overwrite whatever is there" — because that is what keeps two editors from silently losing each other's work.
 */
final class Preconditions {

    private Preconditions() {
    }

    /** The single entity tag of an If-Match header, without quotes or weak marker. */
    static String tag(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new EditRefused.PreconditionMissing("Changing " + what + " needs an If-Match header with the ETag"
                    + " you read it with, so that nobody's edit is overwritten unseen");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (tag.equals("*") || tag.contains(",") || tag.isEmpty()) {
            throw EditRefused.Invalid.malformed("If-Match", "must be the one ETag you read " + what + " with, not \""
                    + ifMatch + "\"");
        }
        return tag;
    }

    /** The revision named by an If-Match header. */
    static long revision(String ifMatch, String what) {
        String tag = tag(ifMatch, what);
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw EditRefused.Invalid.malformed("If-Match", "must be the ETag of " + what + " (its revision, e.g. \"3\"),"
                    + " not \"" + ifMatch + "\"");
        }
    }

    static String quote(String tag) {
        return "\"" + tag + "\"";
    }
}
