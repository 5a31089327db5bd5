package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.config.InvalidSettingException;
import io.callroute.http.CidrBlock;
import io.callroute.webhook.WebhookGuard.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookGuardTest {

    private static final String SECRET = "Bearer 3f9a1c0e7b2d4c8e9f1a2b3c4d5e6f70";
    private static final String EIGHT_BY_EIGHT = "18.140.80.2/32, 52.220.253.234, 54.255.116.8/32,52.74.232.241";

    // --- the guard ---

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL, NULL", "'', ''", "'  ', ' '"})
    void withoutSettingsTheGuardIsOpenAndLetsEverythingIn(String authorization, String allow) {
        WebhookGuard guard = new WebhookGuard(authorization, allow);
        assertThat(guard.isOpen()).isTrue();
        assertThat(guard.check(null, null)).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.allowedBlocks()).isEmpty();
    }

    @Test
    void eitherSettingClosesTheGuard() {
        assertThat(new WebhookGuard(SECRET, null).isOpen()).isFalse();
        assertThat(new WebhookGuard(null, "10.0.0.0/8").isOpen()).isFalse();
    }

    @Test
    void theConfiguredAuthorizationLetsIn() {
        WebhookGuard guard = new WebhookGuard(SECRET, null);
        assertThat(guard.check(SECRET, "203.0.113.9")).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.check(" " + SECRET + " ", null)).isEqualTo(Verdict.ALLOWED);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "''", "Bearer", "Bearer 3f9a1c0e7b2d4c8e9f1a2b3c4d5e6f7",
            "Bearer 3f9a1c0e7b2d4c8e9f1a2b3c4d5e6f700", "bearer 3f9a1c0e7b2d4c8e9f1a2b3c4d5e6f70",
            "Bearer 3f9a1c0e7b2d4c8e9f1a2b3c4d5e6f71"})
    void anyOtherAuthorizationIsUnauthorized(String header) {
        assertThat(new WebhookGuard(SECRET, null).check(header, "18.140.80.2")).isEqualTo(Verdict.UNAUTHORIZED);
    }

    @Test
    void onlyAddressesInsideTheBlocksAreAllowed() {
        WebhookGuard guard = new WebhookGuard(null, EIGHT_BY_EIGHT);
        assertThat(guard.allowedBlocks()).hasSize(4);
        assertThat(guard.check(null, "18.140.80.2")).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.check(null, "52.74.232.241")).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.check(null, "::ffff:52.220.253.234")).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.check(null, "18.140.80.3")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(guard.check(null, null)).isEqualTo(Verdict.FORBIDDEN);
        assertThat(guard.check(null, "not an address")).isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void hostNamesAreNeverResolved() {
        WebhookGuard guard = new WebhookGuard(null, "127.0.0.1/32, ::1");
        assertThat(guard.check(null, "localhost")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(guard.check(null, "127.0.0.1")).isEqualTo(Verdict.ALLOWED);
        assertThatThrownBy(() -> new WebhookGuard(null, "localhost")).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void authorizationIsCheckedFirst() {
        WebhookGuard guard = new WebhookGuard(SECRET, EIGHT_BY_EIGHT);
        assertThat(guard.check("wrong", "198.51.100.1")).isEqualTo(Verdict.UNAUTHORIZED);
        assertThat(guard.check(SECRET, "198.51.100.1")).isEqualTo(Verdict.FORBIDDEN);
        assertThat(guard.check(SECRET, "18.140.80.2")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aStrayCommaIsHarmless() {
        assertThat(new WebhookGuard(null, "10.0.0.0/8,").check(null, "10.1.1.1")).isEqualTo(Verdict.ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/-1", "256.1.1.1",
            "01.2.3.4", "10.0.0.1/8", "example.com", "2001:db8::/129", "1::2::3", ":::1", "2001:db8::g",
            "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::ffff:1.2.3.4.5", "1.2.3.4::"})
    void aMalformedBlockStopsTheStartNamingSettingAndEntry(String entry) {
        assertThatThrownBy(() -> new WebhookGuard(null, "18.140.80.2/32, " + entry))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("CALLROUTE_WEBHOOK_ALLOW")
                .hasMessageContaining("'" + entry + "'");
    }

    @Test
    void aSettingWithoutBlocksStopsTheStart() {
        assertThatThrownBy(() -> new WebhookGuard(null, " , ,")).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("CALLROUTE_WEBHOOK_ALLOW");
    }

    // --- the blocks ---

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "18.140.80.2/32, 18.140.80.2, true",
            "18.140.80.2, 18.140.80.2, true",
            "18.140.80.2, 18.140.80.3, false",
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "10.0.0.0/8, ::ffff:10.1.2.3, true",
            "10.0.0.0/8, [::ffff:10.1.2.3], true",
            "10.0.0.0/8, ::ffff:0a01:0203, true",
            "10.0.0.0/8, ::10.1.2.3, false",
            "192.168.1.128/25, 192.168.1.200, true",
            "192.168.1.128/25, 192.168.1.127, false",
            "0.0.0.0/0, 203.0.113.7, true",
            "0.0.0.0/0, 2001:db8::1, false",
            "::/0, 2001:db8::1, true",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:0DB8:0:0:0:0:0:1, true",
            "2001:db8::/32, 2001:db9::1, false",
            "::1, 0:0:0:0:0:0:0:1, true",
            "::1, [::1], true",
            "::1, ::2, false",
            "fe80::/10, fe80::1%eth0, true",
            "fe80::/10, febf::1, true",
            "fe80::/10, fec0::1, false",
            "::ffff:1.2.3.0/120, 1.2.3.99, true",
            "::ffff:1.2.3.0/120, 1.2.4.1, false",
            "10.0.0.0/8, 10.0.0, false",
            "10.0.0.0/8, 10.1, false",
            "10.0.0.0/8, '', false"})
    void blocksContainTheirAddresses(String block, String address, boolean contained) {
        assertThat(CidrBlock.parse(block).contains(address)).isEqualTo(contained);
    }

    @ParameterizedTest
    @CsvSource({"18.140.80.2, 18.140.80.2/32", "10.0.0.0/8, 10.0.0.0/8", "::1, 0:0:0:0:0:0:0:1/128",
            "2001:db8::/32, 2001:db8:0:0:0:0:0:0/32", "::ffff:1.2.3.0/120, 1.2.3.0/24"})
    void blocksShowTheirNormalForm(String text, String shown) {
        assertThat(CidrBlock.parse(text)).hasToString(shown);
    }

    @Test
    void aNullAddressIsNotContained() {
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(null)).isFalse();
    }
}
