package io.callroute.bench.anchor;

import io.callroute.http.BoundedBody;
import io.callroute.webhook.WebhookProtected;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP-stack limit of the webhook (issue 9's static anchor): what {@code POST /webhooks/vca} costs without
 * deciding anything. It is declared like {@code WebhookResource} — the same Jersey application and filter chain,
 * {@link WebhookProtected} so the webhook guard checks its Authorization header, a path template, the body read in
 * full with the same bounded reader, a callflow of the same size written as bytes — and does nothing else: no
 * parsing, no decision, no call log, no metrics, no log line. The webhook's throughput divided by this one's, in
 * the same run, is the share of the HTTP stack's capacity the application leaves.
 */
@Path("/bench/anchor")
@WebhookProtected
public final class StaticCallflowResource {

    /** The webhook's answer to a first round of the generated rules (a main menu prompt), byte for byte in shape. */
    static final byte[] CALLFLOW = ("{\"clientActionId\":\"main_menu:v1\",\"callflow\":[{\"action\":\"sayAndCapture\","
            + "\"params\":{\"promptMessage\":\"Welcome. Press 1 for your account, 2 for sales.\","
            + "\"voiceProfile\":\"en-US-BenjaminRUS\",\"speed\":1.0,\"completeOnHash\":false,\"minDigits\":1,"
            + "\"maxDigits\":1,\"digitTimeout\":5000,\"overallTimeout\":10000,\"noOfTries\":2}}]}")
            .getBytes(StandardCharsets.UTF_8);

    /** The server's default webhook body limit (CALLROUTE_WEBHOOK_MAX_BYTES). */
    private static final int MAX_BODY_BYTES = 65_536;

    @POST
    @Path("{endpoint: vca}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("endpoint") String endpoint,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        try {
            BoundedBody.read(body, MAX_BODY_BYTES);
        } catch (IOException e) {
            return Response.status(400).build();
        }
        return Response.ok(CALLFLOW, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
