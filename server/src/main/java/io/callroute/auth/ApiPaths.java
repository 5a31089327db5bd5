package io.callroute.auth;

import java.util.Locale;

/** Which request paths belong to the admin API, read the way JAX-RS matches them. */
final class ApiPaths {

    private ApiPaths() {
    }

    /**
     * Whether a path (as {@code UriInfo#getPath()} gives it, decoded, relative to the application) is under
     * {@code /api}. Leading slashes and matrix parameters ({@code api;x=1/users}) are ignored so that no spelling of
     * an admin path slips past.
     */
    static boolean isApi(String path) {
        return firstSegment(normalize(path)).equals("api");
    }

    /** Whether this is the login: {@code POST /api/session}. */
    static boolean isLogin(String method, String path) {
        return "POST".equals(method) && normalize(path).equals("api/session");
    }

    static String normalize(String path) {
        String result = path == null ? "" : path;
        int start = 0;
        while (start < result.length() && result.charAt(start) == '/') {
            start++;
        }
        result = result.substring(start);
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.toLowerCase(Locale.ROOT);
    }

    private static String firstSegment(String path) {
        int slash = path.indexOf('/');
        String segment = slash < 0 ? path : path.substring(0, slash);
        int matrix = segment.indexOf(';');
        return matrix < 0 ? segment : segment.substring(0, matrix);
    }
}
