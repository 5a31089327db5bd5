package io.callroute.facts;

import io.callroute.event.CallEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a call needs, looked up by its {@link CallAddress}: the part every call needs ({@code shared}, from rules with
 * no exact address) merged with the part of the addresses the call has. Merges are made once, when the rules are
 * compiled, so a call with one known address costs one map lookup per address kind and allocates nothing.
 *
 * @param <T> what is indexed (the facts to compute, the rule partitions to run); immutable
 */
public final class CallAddressIndex<T> {

    private final T shared;
    private final T all;
    private final Map<CallAddress, T> merged;
    private final Function<List<T>, T> union;

    /**
     * @param shared   what every call needs
     * @param specific what calls with each address need on top
     * @param union    combines parts, keeping what any part has
     */
    public CallAddressIndex(T shared, Map<CallAddress, T> specific, Function<List<T>, T> union) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.union = union;
        Map<CallAddress, T> withShared = new HashMap<>();
        List<T> everything = new ArrayList<>(specific.size() + 1);
        everything.add(shared);
        for (Map.Entry<CallAddress, T> entry : specific.entrySet()) {
            withShared.put(entry.getKey(), union.apply(List.of(shared, entry.getValue())));
            everything.add(entry.getValue());
        }
        this.merged = Map.copyOf(withShared);
        // In one pass: merging part by part copied the growing whole once per address (1,000 numbers: seconds).
        this.all = union.apply(everything);
    }

    /** What a call with {@code event}'s addresses needs. */
    public T forEvent(CallEvent event) {
        T found = null;
        for (CallAddress address : CallAddress.of(event)) {
            T part = merged.get(address);
            if (part != null) {
                // A call matching several addresses (rules by reference and by number) is rare: merge only then.
                found = found == null ? part : union.apply(List.of(found, part));
            }
        }
        return found == null ? shared : found;
    }

    /** What the rules need for any call at all (explanations evaluate every rule). */
    public T all() {
        return all;
    }

    /** How many addresses have parts of their own. */
    public int addressCount() {
        return merged.size();
    }
}
