package io.callroute.auth;

import io.callroute.http.BoundedBody;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Once a resource method is matched, checks that the authenticated actor holds the role it needs: the method's
 * {@link RequiresRole}, else its class's, else {@link Role#VIEWER} — or none at all for {@link AnyRole} routes. 403
 * otherwise.
 *
 * <p>It also refuses (401) a matched {@code /api} resource without an actor, whatever path reached it — a second
 * line behind {@link ApiAuthenticationFilter}'s path check, so a path spelling that one did not foresee still
 * cannot reach an admin resource anonymously.
 *
 * <p>{@link Binding} attaches one filter, with its role worked out once, to every resource method of the admin API
 * (by the resource's {@code @Path}, not by the request's) when the application starts; other routes — the webhooks
 * above all — have none, instead of a global filter looking the matched method up through the injection framework
 * on every call.
 */
public final class RoleCheckFilter implements ContainerRequestFilter {

    /** The role the method needs, or null when any signed-in user may call it. */
    private final Role required;

    RoleCheckFilter(Role required) {
        this.required = required;
    }

    /** Puts a {@link RoleCheckFilter} on each admin API resource method except the login. */
    public static final class Binding implements DynamicFeature {

        @Override
        public void configure(ResourceInfo resourceInfo, FeatureContext context) {
            Method method = resourceInfo.getResourceMethod();
            Class<?> resource = resourceInfo.getResourceClass();
            if (method == null || resource == null || !isAdminApi(resource)
                    || method.isAnnotationPresent(LoginRoute.class)) {
                return;
            }
            context.register(new RoleCheckFilter(required(method, resource)), Priorities.AUTHORIZATION);
        }
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (!(context.getSecurityContext().getUserPrincipal() instanceof Actor actor)) {
            BoundedBody.discard(context.getEntityStream());
            context.abortWith(AuthResponses.unauthorized("Sign in first.",
                    context.getHeaderString("X-Requested-With") == null));
            return;
        }
        if (required != null && !actor.may(required)) {
            BoundedBody.discard(context.getEntityStream());
            context.abortWith(AuthResponses.forbidden("forbidden", "This needs the " + name(required)
                    + " role; " + actor.username() + " is " + name(actor.role()) + "."));
        }
    }

    /**
     * The role a resource method needs: its own annotation, else its class's, else viewer; null when any signed-in
     * user may call it ({@link AnyRole} on the method or its class).
     */
    static Role required(Method method, Class<?> resource) {
        if (method.isAnnotationPresent(AnyRole.class)
                || (!method.isAnnotationPresent(RequiresRole.class) && resource.isAnnotationPresent(AnyRole.class))) {
            return null;
        }
        RequiresRole onMethod = method.getAnnotation(RequiresRole.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresRole onClass = resource.getAnnotation(RequiresRole.class);
        return onClass == null ? Role.VIEWER : onClass.value();
    }

    private static boolean isAdminApi(Class<?> resource) {
        Path path = resource.getAnnotation(Path.class);
        return path != null && ApiPaths.isApi(path.value());
    }

    private static String name(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
