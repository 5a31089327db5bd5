package io.callroute.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTypeFilterTest {

    @Test
    void mediaTypesPass() {
        for (String type : List.of("application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
                "text/plain", "application/xml", "*/*", "application/json; charset=\"utf-8\"")) {
            assertThat(ContentTypeFilter.problemOf(List.of(type))).as(type).isNull();
            assertThat(ContentTypeFilter.isBlank(List.of(type))).isFalse();
        }
    }

    @Test
    void aBlankContentTypeIsHiddenNotRefused() {
        for (String blank : List.of("", " ", "\t")) {
            assertThat(ContentTypeFilter.problemOf(List.of(blank))).isNull();
            assertThat(ContentTypeFilter.isBlank(List.of(blank))).isTrue();
        }
    }

    @Test
    void aMalformedContentTypeIsA400NamingTheHeader() {
        for (String malformed : List.of(";", "application", "/", "application/", "application/json; charset",
                "application/json; charset=\"utf-8", "application json", "a/b/c")) {
            ApiError error = ContentTypeFilter.problemOf(List.of(malformed));
            assertThat(error).as(malformed).isNotNull();
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.code()).isEqualTo("malformed_header");
            assertThat(error.message()).startsWith("The Content-Type header \"" + malformed + "\" is not a media type");
        }
        assertThat(ContentTypeFilter.problemOf(List.of("application/json", "text/plain")).message())
                .contains("sent 2 times");
    }
}
