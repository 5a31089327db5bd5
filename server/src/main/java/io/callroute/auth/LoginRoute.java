package io.callroute.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one admin API method that is reachable without credentials: the login itself
 * ({@code POST /api/session}). Package-private on purpose — no other resource can opt out of authentication.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface LoginRoute {
}
