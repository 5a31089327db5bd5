package io.callroute.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueTemplateTest {

    private static String resolve(String raw, TestCall call) {
        return ValueTemplate.parse(raw).resolve(call);
    }

    @Test
    void textWithoutReferencesIsLiteral() {
        ValueTemplate template = ValueTemplate.parse("Costs $5, or $$ {x}");
        assertThat(template.hasReferences()).isFalse();
        assertThat(template.literalText()).isEqualTo("Costs $5, or $$ {x}");
        assertThat(ValueTemplate.parse("").literalText()).isEmpty();
    }

    @Test
    void resolvesReferencesAnywhere() {
        TestCall call = TestCall.inbound().withDtmf("12");
        assertThat(resolve("${dtmf}", call)).isEqualTo("12");
        assertThat(resolve("a${dtmf}b${ dtmf }c", call)).isEqualTo("a12b12c");
        assertThat(resolve("${source}${destination}", call)).isEqualTo("+6562221234+6531580001");
    }

    @Test
    void anAbsentFieldResolvesToEmptyText() {
        assertThat(resolve("[${dtmf}]", TestCall.inbound())).isEqualTo("[]");
        assertThat(resolve("${menu}", TestCall.inbound())).isEmpty();
    }

    @Test
    void virtualNumberFollowsTheDirection() {
        assertThat(resolve("${virtualNumber}", TestCall.inbound())).isEqualTo("+6531580001");
        assertThat(resolve("${virtualNumber}", TestCall.inbound().withDirection("OUTBOUND")))
                .isEqualTo("+6562221234");
    }

    @Test
    void doubleDollarEscapesAReference() {
        ValueTemplate template = ValueTemplate.parse("$${source} is ${source}");
        assertThat(template.resolve(TestCall.inbound())).isEqualTo("${source} is +6562221234");
        assertThat(ValueTemplate.parse("$${source}").hasReferences()).isFalse();
        assertThat(ValueTemplate.parse("$${source}").literalText()).isEqualTo("${source}");
    }

    @Test
    void refusesBadReferences() {
        assertThatThrownBy(() -> ValueTemplate.parse("${sorce}"))
                .hasMessage("has an unknown reference ${sorce}; did you mean ${source}?");
        assertThatThrownBy(() -> ValueTemplate.parse("${Source}")).hasMessageContaining("did you mean ${source}?");
        assertThatThrownBy(() -> ValueTemplate.parse("${weather}"))
                .hasMessageStartingWith("has an unknown reference ${weather}; the call fields are ${source}, ");
        assertThatThrownBy(() -> ValueTemplate.parse("${source")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> ValueTemplate.parse("${}")).hasMessageContaining("empty reference");
    }
}
