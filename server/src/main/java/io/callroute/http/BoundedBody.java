package io.callroute.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body into memory, refusing to go past a byte limit (so a huge body cannot exhaust the heap). */
public final class BoundedBody {

    /**
     * How much of an oversized body is read and thrown away before answering 413. Closing a connection whose client
     * is still sending makes TCP reset it, and the reset destroys the 413 before the client reads it; draining a
     * bounded amount lets ordinary clients see the answer, while an endless body is still cut off.
     */
    static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private BoundedBody() {
    }

    /** The body's bytes; {@link TooLargeException} as soon as more than {@code maxBytes} arrive. */
    public static byte[] read(InputStream in, int maxBytes) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 4096));
        byte[] buffer = new byte[8192];
        int total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                drain(in, buffer);
                throw new TooLargeException(maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /**
     * Reads and throws away what is left of a body (up to {@link #DRAIN_LIMIT}) before a request is refused
     * without being read, so the client receives the refusal on a connection it can reuse. Read errors are ignored:
     * the refusal is sent either way.
     */
    public static void discard(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            drain(in, new byte[8192]);
        } catch (IOException ignored) {
            // the client went away; nothing to answer
        }
    }

    private static void drain(InputStream in, byte[] buffer) throws IOException {
        long drained = 0;
        int read;
        while (drained < DRAIN_LIMIT && (read = in.read(buffer)) != -1) {
            drained += read;
        }
    }

    /** The body is larger than allowed. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int limit;

        public TooLargeException(int limit) {
            super("body larger than " + limit + " bytes");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }
}
