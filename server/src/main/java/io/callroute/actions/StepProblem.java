package io.callroute.actions;

/**
 * Why a step cannot be used, found when the rules load.
 *
 * @param step      the 0-based index of the step in the rule's list, or -1 when the problem is the callflow as a whole
 * @param parameter the parameter at fault, or null when the problem is the step itself (e.g. an unknown action)
 * @param message   a plain sentence for the rule author
 */
public record StepProblem(int step, String parameter, String message) {
}
