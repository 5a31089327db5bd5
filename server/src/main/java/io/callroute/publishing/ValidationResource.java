package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/validate}: compiles all drafts together, exactly as publishing would, without making anything
 * live, and lists every problem with a JSON path into its rule set. A POST because it does real work (a Drools
 * build) and its answer changes with every edit.
 */
@Path("/api/validate")
public final class ValidationResource {

    private final Drafts drafts;
    private final RuleSetCompiler compiler;
    private final PublishChecks checks;

    ValidationResource(Drafts drafts, RuleSetCompiler compiler, PublishChecks checks) {
        this.drafts = drafts;
        this.compiler = compiler;
        this.checks = checks;
    }

    @POST
    @RequiresRole(Role.VIEWER)
    public Response validate() {
        List<ObjectNode> documents = drafts.documents();
        if (documents.isEmpty()) {
            return Representations.json(200, Representations.validation(List.of(), List.of())).build();
        }
        try {
            // The same compile and the same checks a publish runs, so "valid" here means "would publish".
            List<Finding> findings = checks.run(compiler.compile(documents, 0));
            return Representations.json(200, Representations.validation(List.of(), findings)).build();
        } catch (EditRefused.DoesNotCompile e) {
            return Representations.json(200, Representations.validation(e.problems(), List.of())).build();
        }
    }
}
