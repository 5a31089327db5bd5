package io.callroute.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.config.InvalidSettingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who sent a request when proxies stand in front of the server, and why forged headers never count. */
class ClientAddressTest {

    /** A load balancer's subnet and one ingress address, as an operator would set them. */
    private final ClientAddress behindProxies = ClientAddress.trusting("10.0.0.0/8, 2001:db8:1::/48");

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeadersSay() {
        assertThat(ClientAddress.trusting(null)).isSameAs(ClientAddress.PEER);
        assertThat(ClientAddress.trusting("  ")).isSameAs(ClientAddress.PEER);
        assertThat(ClientAddress.PEER.of(null)).as("outside a request").isNull();
    }

    @Test
    void behindATrustedProxyTheClientIsTheLastAddressItWasForwardedFor() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.7, 10.1.2.3")))
                .as("a second trusted proxy in the chain is skipped").isEqualTo("203.0.113.7");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.7", "10.1.2.3")))
                .as("the header given twice reads as one list").isEqualTo("203.0.113.7");
        assertThat(behindProxies.resolve("2001:db8:1::9", List.of("2001:db8:ffff::7")))
                .isEqualTo("2001:db8:ffff::7");
    }

    @Test
    void whatTheClientWroteLeftOfItsOwnAddressIsNeverBelieved() {
        // A client sending "X-Forwarded-For: 18.140.80.2" to pass an allowlist of 8x8's addresses: the proxy appends
        // the address it really came from, and that one is the client.
        assertThat(behindProxies.resolve("10.0.0.5", List.of("18.140.80.2, 198.51.100.66")))
                .isEqualTo("198.51.100.66");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("18.140.80.2, 10.9.9.9, 198.51.100.66, 10.1.2.3")))
                .isEqualTo("198.51.100.66");
    }

    @Test
    void portsAndBracketsAreNotPartOfTheAddress() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.7:41234"))).isEqualTo("203.0.113.7");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("[2001:db8:ffff::7]:41234")))
                .isEqualTo("2001:db8:ffff::7");
    }

    @Test
    void withoutAForwardedClientTheNearestKnownAddressStands() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of())).as("no header: the proxy itself")
                .isEqualTo("10.0.0.5");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("10.1.2.3, 10.4.5.6")))
                .as("only proxies: the farthest of them").isEqualTo("10.1.2.3");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("unknown")))
                .as("not an address: kept as written, so it matches no allowlist").isEqualTo("unknown");
    }

    @Test
    void aMalformedBlockStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/8, proxy.internal"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("CALLROUTE_TRUSTED_PROXIES")
                .hasMessageContaining("'proxy.internal'");
    }
}
