package io.callroute.webhook;

import java.util.Locale;
import java.util.Set;

/**
 * 8x8 documents no request Content-Type, so any type that might carry JSON is read (the body decides). Only types
 * that certainly are not JSON — forms, XML, HTML, multipart — get 415, which tells a misconfigured sender exactly
 * what is wrong.
 */
final class ContentTypePolicy {

    private static final Set<String> NOT_JSON = Set.of(
            "application/x-www-form-urlencoded", "application/xml", "text/xml", "text/html");

    private ContentTypePolicy() {
    }

    static boolean mayBeJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return !NOT_JSON.contains(type) && !type.startsWith("multipart/") && !type.endsWith("+xml");
    }
}
