package io.callroute.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role an admin API method (or every method of a resource class) needs. Every resource under
 * {@code /api} is authenticated whether or not it carries this annotation; without it, {@link Role#VIEWER} suffices.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    Role value();
}
