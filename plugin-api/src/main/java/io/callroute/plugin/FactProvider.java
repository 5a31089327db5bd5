package io.callroute.plugin;

import java.util.List;
import java.util.Map;

/**
 * Contributes facts about a call that rules can test, e.g. "today is a public holiday" or "the caller is a VIP in our
 * CRM". Facts are named {@code <id>.<fact>} (e.g. {@code crm.tier}); rules may compare them and steps may use them
 * as {@code ${crm.tier}}.
 *
 * <p>{@link #factsFor} runs on the webhook path while a caller waits, only for calls whose rules need this
 * provider's facts. The server gives it a time budget and answers the fallback callflow when it is overrun or the
 * provider throws; keep it fast (cache, time out remote calls) and thread-safe.
 */
public interface FactProvider {

    /** The facts' namespace, e.g. {@code crm}: letters, digits, {@code _ -}; unique across loaded providers. */
    String id();

    default String displayName() {
        return id();
    }

    default String description() {
        return "";
    }

    /** The facts this provider may give, so rules can be checked when they load and the admin UI can offer them. */
    List<FactSpec> facts();

    /**
     * The facts for this call, by name without the namespace (e.g. {@code tier} → {@code gold}); omit a fact that
     * does not apply. Values are texts; {@code "true"}/{@code "false"} for yes/no facts.
     */
    Map<String, String> factsFor(CallContext call);
}
