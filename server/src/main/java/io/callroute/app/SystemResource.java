package io.callroute.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import io.callroute.http.ApiJson;
import io.callroute.store.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.net.URL;
import java.security.CodeSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * {@code GET /api/system}: what this deployment actually runs on, for admins and support. On an application server
 * the libraries that serve a WAR are not always the WAR's own (GlassFish and Payara run their Jersey and Jackson,
 * Payara its H2 — ADR 8), so this reports the classes in use, where each was loaded from, and which writer JSON
 * goes through; the deploy matrix reads it to check that Jackson is pinned on every server.
 */
@Path("/api/system")
public final class SystemResource {

    private final Database database;
    private final String serverInfo;

    SystemResource(Database database, String serverInfo) {
        this.database = database;
        this.serverInfo = serverInfo;
    }

    @GET
    @RequiresRole(Role.ADMIN)
    public Response get(@Context Providers providers) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("callroute", version(SystemResource.class));
        body.put("server", serverInfo);
        body.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        body.set("jaxrs", library(RuntimeDelegate.getInstance().getClass()));
        body.set("jackson", library(com.fasterxml.jackson.databind.ObjectMapper.class)
                .put("version", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()));
        MessageBodyWriter<?> json = providers.getMessageBodyWriter(ObjectNode.class, ObjectNode.class, null,
                MediaType.APPLICATION_JSON_TYPE);
        body.put("jsonWriter", json == null ? null : json.getClass().getName());
        body.set("drools", library(org.kie.api.KieServices.get().getClass()));
        body.set("database", database());
        return ApiJson.response(200, body).build();
    }

    private ObjectNode database() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            node.put("product", meta.getDatabaseProductName()).put("version", meta.getDatabaseProductVersion())
                    .put("driver", meta.getDriverName() + " " + meta.getDriverVersion());
        } catch (SQLException e) {
            node.put("error", e.getMessage());
        }
        return node;
    }

    /** A class's name, its jar's implementation version and the file it came from (a WAR's or the server's). */
    private static ObjectNode library(Class<?> type) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("class", type.getName())
                .put("version", version(type));
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        node.put("from", location == null ? null : location.toString());
        return node;
    }

    private static String version(Class<?> type) {
        Package found = type.getPackage();
        return found == null ? null : found.getImplementationVersion();
    }
}
