package io.callroute.rules;

/**
 * A rule's condition on number masking: the caller has a live session on the virtual number ({@code LIVE}), or the
 * number is a masking number and the caller has none ({@code NONE}, e.g. the booking has ended).
 *
 * @param state    {@code LIVE} or {@code NONE}
 * @param greeting for {@code LIVE}: whether the session must (true) or must not (false) have a greeting; null for
 *                 either
 */
public record MaskingCondition(String state, Boolean greeting) {
}
