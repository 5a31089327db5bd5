package io.callroute.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.it.fuzz.FuzzCase.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The webhook fuzzer's cases, each a pure function of the run's seed and the case's index: {@code generate(i)} draws
 * from {@link Dice#forCase} and from nothing else, so case 81,234 of a failing run is rebuilt exactly by
 * {@code -Dcallroute.fuzz.only=81234} without generating the 81,233 before it.
 *
 * <p>Two thirds of the cases stay close to real events (mutated fixtures), so that they pass the parser and reach the
 * event reader, the rules and the callflow writer; the rest probe the parser and the transport. Every case then
 * travels with a Content-Type chosen by {@link Transport}.
 */
public final class CaseGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> EVENT_TYPES = List.of("CALL_ACTION", "CALL_STATUS", "SESSION_SUMMARY",
            "CALL_RECORDING_STATUS", "VIRTUAL_NUMBER_UPDATE");
    private static final byte[] DAMAGE_BYTES = {0, (byte) 0x80, (byte) 0xC3, (byte) 0xED, (byte) 0xFF, '"', '{', '}',
            ']', ',', '\\', ':', '\n', '/', '*'};

    private final long seed;

    public CaseGenerator(long seed) {
        this.seed = seed;
    }

    public FuzzCase generate(long index) {
        Dice dice = Dice.forCase(seed, index);
        Draft draft = switch (dice.weighted(12, 3, 2, 1)) {
            case 0 -> mutatedFixture(dice, index);
            case 1 -> randomEnvelope(dice, index);
            case 2 -> damagedText(dice);
            default -> new Draft(Family.RANDOM_JSON, "random JSON", dice.pick(FuzzFixtures.ENDPOINTS),
                    new FuzzDocument(FuzzValues.randomJson(dice, 4)).bytes());
        };
        Transport.Choice transport = Transport.choose(dice, draft.body);
        return new FuzzCase(index, draft.family, draft.origin + transport.note(), draft.endpoint,
                transport.contentType(), transport.body());
    }

    private record Draft(Family family, String origin, String endpoint, byte[] body) {
    }

    /** A fixture with 0–3 mutations of its tree; mostly sent to its own endpoint, now and then to another. */
    private static Draft mutatedFixture(Dice dice, long index) {
        String name = dice.pick(FuzzFixtures.VALID_NAMES);
        JsonNode root = FuzzFixtures.VALID.get(name).deepCopy();
        if (root.path("payload") instanceof ObjectNode payload && payload.has("eventId")) {
            // A new event for every case: a repeated eventId is answered from the answer cache, not by the rules.
            payload.put("eventId", "fuzz-" + index);
        }
        FuzzDocument document = new FuzzDocument(root);
        List<JsonMutation> mutations = new ArrayList<>();
        for (int i = dice.between(0, 3); i > 0; i--) {
            JsonMutation mutation = mutation(dice);
            mutation.applyTo(document);
            mutations.add(mutation);
        }
        String endpoint = dice.oneIn(10) ? dice.pick(FuzzFixtures.ENDPOINTS) : FuzzFixtures.endpointOf(name);
        return new Draft(Family.MUTATED_FIXTURE, name + " " + mutations, endpoint, document.bytes());
    }

    private static JsonMutation mutation(Dice dice) {
        // Duplicate keys are always refused, so they are rarer: most cases should get past the parser to the rules.
        JsonMutation.Kind kind = switch (dice.weighted(4, 3, 2, 2, 1)) {
            case 0 -> JsonMutation.Kind.REPLACE;
            case 1 -> JsonMutation.Kind.DROP;
            case 2 -> JsonMutation.Kind.ADD;
            case 3 -> JsonMutation.Kind.RENAME;
            default -> JsonMutation.Kind.DUPLICATE;
        };
        return new JsonMutation(kind, dice.between(0, 500), FuzzValues.any(dice), FuzzValues.key(dice));
    }

    /** A fixture's bytes (or a small hostile fixture's) with 1–3 kinds of damage. */
    private static Draft damagedText(Dice dice) {
        String name = dice.pick(FuzzFixtures.TEXT_NAMES);
        byte[] bytes = FuzzFixtures.TEXTS.get(name);
        List<TextDamage> damages = new ArrayList<>();
        for (int i = dice.between(1, 3); i > 0; i--) {
            TextDamage damage = new TextDamage(dice.pick(TextDamage.Kind.values()), dice.between(0, 10_000),
                    DAMAGE_BYTES[dice.below(DAMAGE_BYTES.length)]);
            bytes = damage.applyTo(bytes);
            damages.add(damage);
        }
        return new Draft(Family.DAMAGED_TEXT, name + " damaged " + damages, FuzzFixtures.endpointOf(name), bytes);
    }

    /** An envelope with 8x8's field names and up to 25 payload fields, mostly with values 8x8 could send. */
    private static Draft randomEnvelope(Dice dice, long index) {
        ObjectNode root = NODES.objectNode();
        switch (dice.weighted(6, 2, 1, 1)) {
            case 0 -> root.put("namespace", "VOICE");
            case 1 -> { }   // no namespace: the body must then look like ours
            case 2 -> root.putNull("namespace");
            default -> root.set("namespace", FuzzValues.any(dice));
        }
        String type = dice.pick(EVENT_TYPES);
        switch (dice.weighted(8, 1, 1)) {
            case 0 -> root.put("eventType", type);
            case 1 -> root.put("eventType", type.toLowerCase(Locale.ROOT));
            default -> root.set("eventType", FuzzValues.any(dice));
        }
        ObjectNode payload = root.putObject("payload");
        for (int i = dice.between(0, 25); i > 0; i--) {
            String key = dice.oneIn(6) ? FuzzValues.key(dice) : dice.pick(FuzzFixtures.FIELD_NAMES);
            payload.set(key, dice.oneIn(4) ? FuzzValues.any(dice) : FuzzValues.plausible(dice));
        }
        if (dice.oneIn(2)) {
            payload.put("eventId", "fuzz-" + index);   // as for fixtures: reach the rules, not the answer cache
        }
        return new Draft(Family.RANDOM_ENVELOPE, "random envelope", dice.pick(FuzzFixtures.ENDPOINTS),
                new FuzzDocument(root).bytes());
    }
}
