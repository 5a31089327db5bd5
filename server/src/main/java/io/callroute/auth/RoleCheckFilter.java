package io.callroute.auth;

import io.callroute.http.BoundedBody;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;

/**
 * Once a resource method is matched, checks that the authenticated actor holds the role it needs: the method's
 * {@link RequiresRole}, else its class's, else {@link Role#VIEWER} — or none at all for {@link AnyRole} routes. 403
 * otherwise.
 *
 * <p>It also refuses (401) a matched {@code /api} resource without an actor, whatever path reached it — a second
 * line behind {@link ApiAuthenticationFilter}'s path check, so a path spelling that one did not foresee still
 * cannot reach an admin resource anonymously.
 */
@Priority(Priorities.AUTHORIZATION)
public final class RoleCheckFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Class<?> resource = resourceInfo == null ? null : resourceInfo.getResourceClass();
        if (method == null || resource == null || !isAdminApi(resource)
                || method.isAnnotationPresent(LoginRoute.class)) {
            return;
        }
        if (!(context.getSecurityContext().getUserPrincipal() instanceof Actor actor)) {
            BoundedBody.discard(context.getEntityStream());
            context.abortWith(AuthResponses.unauthorized("Sign in first.",
                    context.getHeaderString("X-Requested-With") == null));
            return;
        }
        Role required = required(method, resource);
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
