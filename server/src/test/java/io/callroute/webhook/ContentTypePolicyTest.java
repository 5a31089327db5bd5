package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypePolicyTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL, true",
            "application/json, true",
            "application/json; charset=UTF-8, true",
            "text/plain, true",
            "application/octet-stream, true",
            "application/x-www-form-urlencoded, false",
            "Application/XML, false",
            "text/xml; charset=utf-8, false",
            "application/soap+xml, false",
            "multipart/form-data; boundary=x, false",
            "text/html, false"})
    void onlyTypesThatCertainlyAreNotJsonAreRefused(String contentType, boolean mayBeJson) {
        assertThat(ContentTypePolicy.mayBeJson(contentType)).isEqualTo(mayBeJson);
    }
}
