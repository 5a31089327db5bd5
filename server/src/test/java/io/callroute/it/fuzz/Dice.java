package io.callroute.it.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The fuzzer's only source of chance. One Dice belongs to one case and is made from the run's seed and the case's
 * index alone ({@link #forCase}), so any case can be generated again — alone, in any order, on another machine —
 * without generating the cases before it. Nothing in the generator may use another random source or depend on what
 * an earlier case drew.
 */
final class Dice {

    /** SplitMix64's increment (2^64 / φ): consecutive indexes land far apart in the generator's state space. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final SplittableRandom random;

    private Dice(SplittableRandom random) {
        this.random = random;
    }

    /**
     * The dice of case {@code index} in the run with {@code seed}. The two are mixed by SplitMix64's finaliser, not
     * just added: seed s, index i+1 and seed s+1, index i must not share their draws.
     */
    static Dice forCase(long seed, long index) {
        return new Dice(new SplittableRandom(mix(seed + GOLDEN_GAMMA * (index + 1))));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 0 (inclusive) to {@code bound} (exclusive). */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** {@code min} to {@code max}, both inclusive. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    long between(long min, long max) {
        return random.nextLong(min, max + 1);
    }

    long anyLong() {
        return random.nextLong();
    }

    /** Any double, NaN and the infinities included: every bit pattern is equally likely. */
    double anyDouble() {
        return Double.longBitsToDouble(random.nextLong());
    }

    /** True once in {@code n} throws on average. */
    boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** An index into {@code weights}, each chosen in proportion to its weight. */
    int weighted(int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Up to {@code maxLength} characters drawn from {@code alphabet}. */
    String string(String alphabet, int maxLength) {
        int length = between(0, maxLength);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /**
     * Up to {@code maxLength} chars of anything a Java string can hold, weighted towards what breaks parsers and
     * writers: control characters, lone surrogates, characters outside the BMP, quotes, backslashes and the few
     * code points that are legal JSON but not legal JavaScript (U+2028, U+2029).
     */
    String anyString(int maxLength) {
        int length = between(0, maxLength);
        StringBuilder out = new StringBuilder(length + 1);
        while (out.length() < length) {
            switch (weighted(10, 3, 3, 2, 2)) {
                case 0 -> out.append((char) between(0x20, 0x7E));
                case 1 -> out.append((char) (oneIn(3) ? between(0x7F, 0x9F) : between(0x00, 0x1F)));
                case 2 -> out.append((char) between(0x00A0, 0xFFFF));   // lone surrogates included
                case 3 -> out.appendCodePoint(between(0x10000, 0x10FFFF));
                default -> out.append(pick('"', '\\', '/', '\u2028', '\u2029', '\uFEFF', '\u202E', '\u200B', '\u0000'));
            }
        }
        return out.toString();
    }
}
