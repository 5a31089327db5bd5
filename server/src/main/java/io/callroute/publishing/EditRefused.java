package io.callroute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Why the rule lifecycle refused a request, in terms the HTTP layer turns into a status ({@link EditRefusedMapper})
 * and the service's tests can assert on. Nothing was changed when one of these is thrown.
 */
public abstract sealed class EditRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private EditRefused(String message) {
        super(message);
    }

    /** Something named in the request does not exist (404). */
    public static final class NotFound extends EditRefused {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** Creating something that exists already, or an action that makes no sense in the current state (409). */
    public static final class AlreadyExists extends EditRefused {
        private static final long serialVersionUID = 1L;

        public AlreadyExists(String message) {
            super(message);
        }
    }

    /**
     * Another node sharing the database published a version under the number this publish was about to take (409).
     * Nothing was written; publishing again takes the next number.
     */
    public static final class VersionTaken extends EditRefused {
        private static final long serialVersionUID = 1L;
        private final int number;

        public VersionTaken(int number) {
            super("Version " + number + " was just published by another node; nothing was published, publish again");
            this.number = number;
        }

        public int number() {
            return number;
        }
    }

    /**
     * The edit was based on a state that has changed since (409): someone else saved first. Carries the current
     * state so the editor can merge without another request.
     */
    public static final class Stale extends EditRefused {
        private static final long serialVersionUID = 1L;
        private final transient JsonNode current;
        private final String currentEtag;

        public Stale(String message, JsonNode current, String currentEtag) {
            super(message);
            this.current = current;
            this.currentEtag = currentEtag;
        }

        public JsonNode current() {
            return current;
        }

        public String currentEtag() {
            return currentEtag;
        }
    }

    /** An edit that must say which state it is based on did not (428). */
    public static final class PreconditionMissing extends EditRefused {
        private static final long serialVersionUID = 1L;

        public PreconditionMissing(String message) {
            super(message);
        }
    }

    /**
     * The request is not usable: malformed (unparseable body, bad name in the URL or header: 400) or a document of
     * the wrong shape (422).
     */
    public static final class Invalid extends EditRefused {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final boolean malformed;

        /** A document of the wrong shape; {@code field} is a JSON path into it. */
        public Invalid(String field, String message) {
            this(field, message, false);
        }

        private Invalid(String field, String message, boolean malformed) {
            super(message);
            this.field = field;
            this.malformed = malformed;
        }

        /** The request itself is malformed: unparseable body, or a bad value in the URL or a header. */
        public static Invalid malformed(String field, String message) {
            return new Invalid(field, message, true);
        }

        public String field() {
            return field;
        }

        public boolean malformed() {
            return malformed;
        }
    }

    /** The rules do not validate or compile, so they cannot go live (422); every problem is listed. */
    public static final class DoesNotCompile extends EditRefused {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        public DoesNotCompile(String message, List<Problem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Publishing was refused because checks found errors and no publisher overrode them. */
    public static final class Blocked extends EditRefused {
        private static final long serialVersionUID = 1L;
        private final transient List<Finding> findings;

        public Blocked(String message, List<Finding> findings) {
            super(message);
            this.findings = List.copyOf(findings);
        }

        public List<Finding> findings() {
            return findings;
        }
    }
}
