package io.callroute.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who sent a request. Without trusted proxies ({@code CALLROUTE_TRUSTED_PROXIES} unset) that is the peer the
 * servlet container reports, whatever the request's headers claim. Behind a load balancer or ingress the peer is the
 * proxy: when it lies in a trusted block, the client is read from {@code X-Forwarded-For}, right to left. Each
 * proxy appends the address it received the request from, so the first entry from the right that is not a trusted
 * proxy is the client; entries to its left were written by the client itself and could be anything, so they are
 * never believed. A peer that is not a trusted proxy is the client, and its {@code X-Forwarded-For} is ignored.
 *
 * <p>The webhook allowlist and the login throttle both ask this class, so that behind a balancer they see 8x8 and the
 * person signing in rather than the balancer.
 */
public final class ClientAddress {

    /** The setting naming the trusted proxies. */
    public static final String SETTING = "CALLROUTE_TRUSTED_PROXIES";
    /** The peer is the client: no proxy is trusted. */
    public static final ClientAddress PEER = new ClientAddress(List.of());

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<CidrBlock> trustedProxies;

    private ClientAddress(List<CidrBlock> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * @param trustedProxies comma-separated CIDR blocks of the proxies in front of the server, or null/blank for none;
     *                       a malformed entry stops the start naming {@value #SETTING}
     */
    public static ClientAddress trusting(String trustedProxies) {
        return trustedProxies == null || trustedProxies.isBlank() ? PEER
                : new ClientAddress(CidrBlock.parseSetting(SETTING, trustedProxies));
    }

    /** The client's address, or null outside a servlet request (e.g. in tests). */
    public String of(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        try {
            String peer = request.getRemoteAddr();
            if (trustedProxies.isEmpty() || !trusted(peer)) {
                return peer;
            }
            return resolve(peer, Collections.list(request.getHeaders(FORWARDED_FOR)));
        } catch (IllegalStateException e) {
            return null;   // the request is over (a resource used outside its request)
        }
    }

    /** The client behind trusted proxy {@code peer}, given the {@code X-Forwarded-For} header lines in order. */
    String resolve(String peer, List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String entry : line.split(",")) {
                if (!entry.isBlank()) {
                    hops.add(withoutPort(entry.strip()));
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!trusted(client)) {
                return client;   // unparseable text is not trusted either: it matches no allowlist, so it fails closed
            }
        }
        return client;   // every hop a trusted proxy: the leftmost one is as near the client as is known
    }

    private boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(block -> block.contains(address));
    }

    /** {@code 203.0.113.7:41234} and {@code [2001:db8::7]:41234}, as some proxies write them, without the port. */
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close > 0 ? entry.substring(1, close) : entry;
        }
        int colon = entry.indexOf(':');
        return colon > 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }
}
