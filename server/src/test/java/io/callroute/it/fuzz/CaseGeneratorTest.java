package io.callroute.it.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The generator's contract with whoever reruns a failure: a case is the same bytes, header and path whenever and
 * however it is generated — alone, after others, by a new generator — and the cases cover what the fuzzer claims to
 * send.
 */
class CaseGeneratorTest {

    private static final long SEED = 20250521L;

    @Test
    void aCaseDependsOnSeedAndIndexAlone() {
        CaseGenerator inOrder = new CaseGenerator(SEED);
        for (long index = 0; index < 300; index++) {
            FuzzCase sequential = inOrder.generate(index);
            FuzzCase alone = new CaseGenerator(SEED).generate(index);
            assertThat(alone.body()).as("body of case %d", index).isEqualTo(sequential.body());
            assertThat(alone.contentType()).isEqualTo(sequential.contentType());
            assertThat(alone.endpoint()).isEqualTo(sequential.endpoint());
            assertThat(alone.origin()).isEqualTo(sequential.origin());
        }
        FuzzCase late = new CaseGenerator(SEED).generate(99_999);
        assertThat(new CaseGenerator(SEED).generate(99_999).body()).isEqualTo(late.body());
    }

    @Test
    void otherSeedsAndIndexesGiveOtherCases() {
        Set<String> bodies = new HashSet<>();
        LongStream.range(0, 200).forEach(index -> bodies.add(text(new CaseGenerator(SEED).generate(index))));
        LongStream.range(0, 200).forEach(index -> bodies.add(text(new CaseGenerator(SEED + 1).generate(index))));
        assertThat(bodies).as("distinct bodies among 400 cases").hasSizeGreaterThan(390);
    }

    @Test
    void theCasesCoverEveryFamilyEndpointAndKindOfDamage() {
        CaseGenerator generator = new CaseGenerator(SEED);
        Set<FuzzCase.Family> families = EnumSet.noneOf(FuzzCase.Family.class);
        Set<String> endpoints = new HashSet<>();
        int overCap = 0;
        int notJsonType = 0;
        int withoutType = 0;
        int notUtf8 = 0;
        int duplicates = 0;
        for (long index = 0; index < 3000; index++) {
            FuzzCase fuzzCase = generator.generate(index);
            families.add(fuzzCase.family());
            endpoints.add(fuzzCase.endpoint());
            overCap += fuzzCase.body().length > 65_536 ? 1 : 0;
            notJsonType += Transport.certainlyNotJson(fuzzCase.contentType()) ? 1 : 0;
            withoutType += fuzzCase.contentType() == null ? 1 : 0;
            notUtf8 += fuzzCase.origin().contains("re-encoded as UTF-16") ? 1 : 0;
            duplicates += fuzzCase.origin().contains("DUPLICATE@") ? 1 : 0;
        }
        assertThat(families).containsExactlyInAnyOrder(FuzzCase.Family.values());
        assertThat(endpoints).containsExactlyInAnyOrder("vca", "vcs", "vss", "vru", "vnu");
        assertThat(overCap).as("bodies over the 64 KiB cap").isGreaterThan(10);
        assertThat(notJsonType).as("Content-Types that are not JSON").isGreaterThan(10);
        assertThat(withoutType).as("no Content-Type").isGreaterThan(5);
        assertThat(notUtf8).as("bodies in UTF-16").isGreaterThan(5);
        assertThat(duplicates).as("duplicated keys").isGreaterThan(50);
    }

    private static String text(FuzzCase fuzzCase) {
        return fuzzCase.endpoint() + " " + fuzzCase.contentType() + " "
                + new String(fuzzCase.body(), StandardCharsets.UTF_8);
    }
}
