package io.callroute.it.fuzz;

import java.util.Arrays;

/**
 * Damage to a body's bytes, as a network, a proxy or a buggy client would do it. {@code at} is a position in
 * ten-thousandths of the body's length, so it can be drawn before the body is known and fits every body, also one
 * that an earlier damage shortened.
 */
record TextDamage(Kind kind, int at, byte inserted) {

    enum Kind {
        /** The body ends at the position. */
        TRUNCATE,
        /** One byte is removed. */
        DELETE,
        /** {@code inserted} is put in (a NUL, a lone UTF-8 lead or continuation byte, JSON punctuation). */
        INSERT,
        /** The rest of the body from the position is sent twice. */
        REPEAT_TAIL
    }

    byte[] applyTo(byte[] body) {
        int position = (int) ((long) body.length * at / 10_000);
        return switch (kind) {
            case TRUNCATE -> Arrays.copyOf(body, position);
            case DELETE -> {
                if (body.length == 0) {
                    yield body;
                }
                int cut = Math.min(position, body.length - 1);
                byte[] out = new byte[body.length - 1];
                System.arraycopy(body, 0, out, 0, cut);
                System.arraycopy(body, cut + 1, out, cut, body.length - cut - 1);
                yield out;
            }
            case INSERT -> {
                byte[] out = new byte[body.length + 1];
                System.arraycopy(body, 0, out, 0, position);
                out[position] = inserted;
                System.arraycopy(body, position, out, position + 1, body.length - position);
                yield out;
            }
            case REPEAT_TAIL -> {
                byte[] out = Arrays.copyOf(body, body.length + (body.length - position));
                System.arraycopy(body, position, out, body.length, body.length - position);
                yield out;
            }
        };
    }

    @Override
    public String toString() {
        return kind + "@" + at + (kind == Kind.INSERT ? String.format("(0x%02x)", inserted) : "");
    }
}
