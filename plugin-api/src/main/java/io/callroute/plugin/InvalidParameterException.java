package io.callroute.plugin;

/**
 * A parameter or action field has a value that cannot be used. {@link #parameter()} names it so the problem can be
 * shown next to the right form field; the message is a plain sentence about the value.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    public InvalidParameterException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** The parameter or action field at fault, e.g. {@code "maxDigits"}. */
    public String parameter() {
        return parameter;
    }

    /** What is wrong, without the parameter name, e.g. {@code "must be between 1 and 25"}. */
    public String problem() {
        return problem;
    }
}
