package io.callroute.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.event.CallEvent;
import io.callroute.http.ApiErrorException;
import io.callroute.webhook.CallEventReader;
import org.junit.jupiter.api.Test;

/** A call described as people think of it becomes the payload 8x8 would send, local time and DST included. */
class ComposedCallTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ComposedCall compose(String json) throws Exception {
        return ComposedCall.from(JSON.readTree(json), "$.call");
    }

    private static ApiErrorException refused(String json) {
        try {
            compose(json);
        } catch (ApiErrorException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void aSingaporeCallerPressingOneInTheMainMenuAtNineLocalTime() throws Exception {
        ComposedCall call = compose("""
                {"caller": "+6591234567", "virtualNumber": "+6531580001", "virtualNumberRef": "vn-sg-ivr-01",
                 "at": "2026-03-10T09:00", "zone": "Asia/Singapore", "menu": "main_menu", "dtmf": "1"}""");
        JsonNode payload = call.payload();
        assertThat(payload.path("timestamp").asText()).isEqualTo("2026-03-10T01:00:00Z");
        assertThat(payload.path("callStatus").asText()).as("a key pressed in a menu").isEqualTo("ACTION_COMPLETED");
        assertThat(payload.path("sourceCountryCode").asText()).as("from the number").isEqualTo("SG");
        assertThat(payload.path("destinationRefId").asText()).isEqualTo("vn-sg-ivr-01");
        CallEvent event = new CallEventReader().read(payload);
        assertThat(event.problems()).isEmpty();
        assertThat(event.dtmf()).isEqualTo("1");
        assertThat(event.clientActionId()).isEqualTo("main_menu");
        assertThat(event.source()).isEqualTo("+6591234567");
        assertThat(event.destination()).isEqualTo("+6531580001");
    }

    @Test
    void anOutboundLegHasTheVirtualNumberAsSource() throws Exception {
        JsonNode payload = compose("""
                {"caller": "+6591234567", "virtualNumber": "+6531580001", "direction": "outbound",
                 "at": "2026-03-10T01:00:00Z", "virtualNumberRef": "vn-1"}""").payload();
        assertThat(payload.path("source").asText()).isEqualTo("+6531580001");
        assertThat(payload.path("destination").asText()).isEqualTo("+6591234567");
        assertThat(payload.path("sourceRefId").asText()).isEqualTo("vn-1");
        assertThat(payload.path("callStatus").asText()).isEqualTo("CALL_RECEIVED");
    }

    @Test
    void aTimeTheClocksSkipIsRefusedNamingTheChange() {
        ApiErrorException e = refused("""
                {"caller": "+447700900123", "virtualNumber": "+442079460958", "at": "2026-03-29T01:30",
                 "zone": "Europe/London"}""");
        assertThat(e.error().status()).isEqualTo(422);
        assertThat(e.error().field()).isEqualTo("$.call.at");
        assertThat(e.error().message()).contains("does not exist in Europe/London")
                .contains("from 01:00 to 02:00");
    }

    @Test
    void aTimeThatHappensTwiceUsesTheFirstAndSaysSo() throws Exception {
        ComposedCall call = compose("""
                {"caller": "+447700900123", "virtualNumber": "+442079460958", "at": "2026-10-25T01:30",
                 "zone": "Europe/London"}""");
        assertThat(call.payload().path("timestamp").asText()).as("01:30 BST").isEqualTo("2026-10-25T00:30:00Z");
        assertThat(call.notes()).singleElement().asString().contains("happens twice").contains("+01:00");
    }

    @Test
    void badValuesAreNamed() {
        assertThat(refused("{\"virtualNumber\": \"+6531580001\", \"at\": \"2026-03-10T09:00\", \"zone\": \"UTC\"}")
                .error().field()).isEqualTo("$.call.caller");
        assertThat(refused("{\"caller\": \"+6591234567\", \"virtualNumber\": \"+6531580001\","
                + " \"at\": \"2026-03-10T09:00\"}").error().field()).isEqualTo("$.call.zone");
        assertThat(refused("{\"caller\": \"+6591234567\", \"virtualNumber\": \"+6531580001\","
                + " \"at\": \"2026-03-10T09:00\", \"zone\": \"Mars/Olympus\"}").error().field())
                .isEqualTo("$.call.zone");
        assertThat(refused("{\"caller\": \"+6591234567\", \"virtualNumber\": \"+6531580001\","
                + " \"at\": \"tuesday\", \"zone\": \"UTC\"}").error().field()).isEqualTo("$.call.at");
        assertThat(refused("{\"caller\": \"+6591234567\", \"virtualNumber\": \"+6531580001\","
                + " \"at\": \"2026-03-10T09:00Z\", \"callType\": \"FAX\"}").error().field())
                .isEqualTo("$.call.callType");
        assertThat(refused("{\"caller\": \"+6591234567\", \"virtualNumber\": \"+6531580001\","
                + " \"at\": \"2026-03-10T09:00Z\", \"dialled\": \"1\"}").error().field()).isEqualTo("$.call.dialled");
        assertThat(refused("{\"caller\": \"+6591234567\", \"virtualNumber\": \"+6531580001\","
                + " \"at\": \"2026-03-10T09:00Z\", \"callerCountry\": \"XX\"}").error().field())
                .isEqualTo("$.call.callerCountry");
    }
}
