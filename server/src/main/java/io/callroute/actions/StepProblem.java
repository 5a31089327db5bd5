package io.callroute.actions;

/**
 * Why a step cannot be used, found when the rules load.
 *
 * @param parameter the parameter at fault, or null when the problem is the step itself (e.g. an unknown action)
 * @param message   a plain sentence for the rule author
 */
public record StepProblem(String parameter, String message) {
}
