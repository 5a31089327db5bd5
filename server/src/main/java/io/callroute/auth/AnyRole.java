package io.callroute.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks admin API routes about the caller's own credentials (their tokens, who am I, sign out) that every signed-in
 * user may use whatever their role — including {@link Role#MASKING}, which otherwise reaches nothing outside the
 * masking API. Without this, a route needs {@link RequiresRole} or defaults to {@link Role#VIEWER}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnyRole {
}
