package io.callroute.http;

import io.callroute.config.InvalidSettingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One block of addresses, IPv4 or IPv6, written in CIDR notation ({@code 18.140.80.0/24}, {@code 2001:db8::/32});
 * a bare address is a block of one. An IPv4-mapped IPv6 address ({@code ::ffff:18.140.80.2}, which is how a
 * dual-stack server reports IPv4 clients) belongs to the IPv4 block it maps to.
 *
 * <p>Addresses are parsed by hand, never with {@code InetAddress.getByName}, which would quietly make a DNS query
 * for anything that is not a literal — and accepts odd legacy forms such as {@code 10.1}.
 */
public final class CidrBlock {

    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;
    private static final int MAPPED_PREFIX_BITS = 96;
    /** How much of a malformed setting entry an error message repeats. */
    private static final int SHOWN = 64;

    private final byte[] network;
    private final int prefixLength;

    private CidrBlock(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * The block written as {@code text}; {@link IllegalArgumentException} saying what is wrong when it is not a
     * block, or when it has address bits set beyond its prefix (a typo like {@code 18.140.80.2/3} would otherwise
     * open the door to an eighth of the internet).
     */
    public static CidrBlock parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = parseAddress(addressText);
        if (address == null) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address");
        }
        int maxBits = address.length * 8;
        int prefix = slash < 0 ? maxBits : parsePrefix(trimmed.substring(slash + 1), maxBits);
        byte[] mapped = mappedIpv4(address);
        if (mapped != null && prefix >= MAPPED_PREFIX_BITS) {
            address = mapped;
            prefix -= MAPPED_PREFIX_BITS;
        }
        byte[] network = masked(address, prefix);
        if (!Arrays.equals(network, address)) {
            throw new IllegalArgumentException("has address bits set beyond the /" + prefix + " prefix");
        }
        return new CidrBlock(network, prefix);
    }

    /**
     * The blocks of a comma-separated setting ({@code CALLROUTE_WEBHOOK_ALLOW}, {@code CALLROUTE_TRUSTED_PROXIES});
     * a malformed entry stops the start with an {@link InvalidSettingException} naming the setting and the entry.
     */
    public static List<CidrBlock> parseSetting(String setting, String commaSeparated) {
        List<CidrBlock> blocks = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            if (entry.isBlank()) {
                continue;   // "a, b," — a stray comma is harmless
            }
            try {
                blocks.add(parse(entry));
            } catch (IllegalArgumentException e) {
                String shown = entry.strip();
                throw new InvalidSettingException(setting, "'" + (shown.length() <= SHOWN ? shown
                        : shown.substring(0, SHOWN) + "…") + "' is not an address block (" + e.getMessage()
                        + "); expected IPv4 or IPv6 CIDR blocks such as 18.140.80.2/32, 10.0.0.0/8 or 2001:db8::/32,"
                        + " separated by commas");
            }
        }
        if (blocks.isEmpty()) {
            throw new InvalidSettingException(setting, "lists no address blocks; leave it unset instead");
        }
        return List.copyOf(blocks);
    }

    /** Whether {@code address} (as a servlet container reports it: plain, bracketed, or with a zone) is inside. */
    public boolean contains(String address) {
        if (address == null) {
            return false;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        byte[] bytes = parseAddress(literal);
        if (bytes == null) {
            return false;
        }
        if (covers(bytes)) {
            return true;
        }
        byte[] mapped = mappedIpv4(bytes);
        return mapped != null && covers(mapped);
    }

    public int prefixLength() {
        return prefixLength;
    }

    private boolean covers(byte[] address) {
        return address.length == network.length && Arrays.equals(masked(address, prefixLength), network);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }

    private static int parsePrefix(String text, int maxBits) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("the prefix length after '/' must be a number");
        }
        int prefix = Integer.parseInt(text);
        if (prefix > maxBits) {
            throw new IllegalArgumentException("the prefix length must be 0.." + maxBits);
        }
        return prefix;
    }

    private static byte[] masked(byte[] address, int prefixLength) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int bitsKept = Math.max(0, Math.min(8, prefixLength - i * 8));
            result[i] &= (byte) (0xFF << (8 - bitsKept));
        }
        return result;
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), or null. */
    private static byte[] mappedIpv4(byte[] address) {
        if (address.length != IPV6_BYTES) {
            return null;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return null;
            }
        }
        if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return null;
        }
        return Arrays.copyOfRange(address, 12, IPV6_BYTES);
    }

    /** 4 bytes for an IPv4 literal, 16 for an IPv6 literal, null for anything else. */
    static byte[] parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text);
    }

    /** Strict dotted quad: four decimal numbers 0..255 without leading zeros (which some tools read as octal). */
    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != IPV4_BYTES) {
            return null;
        }
        byte[] bytes = new byte[IPV4_BYTES];
        for (int i = 0; i < IPV4_BYTES; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** RFC 4291 text form: eight groups of 1-4 hex digits, one optional "::", optionally a dotted quad at the end. */
    private static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int present = head.size() + tail.size();
        if ((gap < 0 && present != 8) || (gap >= 0 && present > 7)) {
            return null;
        }
        byte[] bytes = new byte[IPV6_BYTES];
        int at = 0;
        for (int group : head) {
            bytes[at++] = (byte) (group >> 8);
            bytes[at++] = (byte) group;
        }
        at = IPV6_BYTES - tail.size() * 2;
        for (int group : tail) {
            bytes[at++] = (byte) (group >> 8);
            bytes[at++] = (byte) group;
        }
        return bytes;
    }

    /** The 16-bit groups of a colon-separated run; a dotted quad is allowed as the last piece of the address. */
    private static List<Integer> groups(String run, boolean endsAddress) {
        List<Integer> groups = new ArrayList<>();
        if (run.isEmpty()) {
            return groups;
        }
        String[] pieces = run.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (endsAddress && i == pieces.length - 1 && piece.indexOf('.') >= 0) {
                byte[] ipv4 = parseIpv4(piece);
                if (ipv4 == null) {
                    return null;
                }
                groups.add(((ipv4[0] & 0xFF) << 8) | (ipv4[1] & 0xFF));
                groups.add(((ipv4[2] & 0xFF) << 8) | (ipv4[3] & 0xFF));
            } else if (piece.isEmpty() || piece.length() > 4
                    || !piece.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                return null;
            } else {
                groups.add(Integer.parseInt(piece, 16));
            }
        }
        return groups;
    }

    private static String format(byte[] address) {
        StringBuilder text = new StringBuilder();
        if (address.length == IPV4_BYTES) {
            for (byte part : address) {
                text.append(text.length() == 0 ? "" : ".").append(part & 0xFF);
            }
            return text.toString();
        }
        for (int i = 0; i < IPV6_BYTES; i += 2) {
            int group = ((address[i] & 0xFF) << 8) | (address[i + 1] & 0xFF);
            text.append(i == 0 ? "" : ":").append(Integer.toHexString(group));
        }
        return text.toString();
    }
}
