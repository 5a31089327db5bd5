package io.callroute.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.plugin.InvalidParameterException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    private static ParameterValues one(Object value) {
        return ParameterValues.of(Map.of("p", value));
    }

    @Test
    void convertsUnambiguousText() {
        assertThat(one("3").integer("p")).contains(3L);
        assertThat(one(" 3 ").integer("p")).contains(3L);
        assertThat(one("3.0").integer("p")).contains(3L);
        assertThat(one(2.0).integer("p")).contains(2L);
        assertThat(one("1.5").number("p")).contains(1.5);
        assertThat(one(2).number("p")).contains(2.0);
        assertThat(one("true").flag("p")).contains(true);
        assertThat(one("FALSE").flag("p")).contains(false);
        assertThat(one(7L).text("p")).contains("7");
        assertThat(one(1.0).text("p")).contains("1.0");
        assertThat(one(true).text("p")).contains("true");
    }

    @Test
    void refusesAmbiguousValuesNamingTheParameter() {
        assertThatThrownBy(() -> one("three").integer("p")).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> {
                    assertThat(e.parameter()).isEqualTo("p");
                    assertThat(e.problem()).isEqualTo("must be a whole number, not \"three\"");
                });
        assertThatThrownBy(() -> one("1.5").integer("p")).hasMessage("p: must be a whole number, not \"1.5\"");
        assertThatThrownBy(() -> one("").integer("p")).hasMessage("p: must be a whole number, not empty text");
        assertThatThrownBy(() -> one(true).integer("p")).hasMessage("p: must be a whole number, not true");
        assertThatThrownBy(() -> one("NaN").number("p")).hasMessage("p: must be a number, not \"NaN\"");
        assertThatThrownBy(() -> one(Double.POSITIVE_INFINITY).number("p")).isInstanceOf(
                InvalidParameterException.class);
        assertThatThrownBy(() -> one("0x10").number("p")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> one("yes").flag("p")).hasMessage("p: must be true or false, not \"yes\"");
        assertThatThrownBy(() -> one(1).flag("p")).hasMessage("p: must be true or false, not 1");
        assertThatThrownBy(() -> one("99999999999999999999").integer("p")).isInstanceOf(
                InvalidParameterException.class);
    }

    @Test
    void absentValuesAreEmpty() {
        Map<String, Object> values = new HashMap<>();
        values.put("given", "x");
        values.put("nothing", null);
        ParameterValues parameters = ParameterValues.of(values);
        assertThat(parameters.names()).containsExactly("given");
        assertThat(parameters.has("nothing")).isFalse();
        assertThat(parameters.integer("missing")).isEmpty();
        assertThat(parameters.flag("missing")).isEmpty();
        assertThat(parameters.number("missing")).isEmpty();
        assertThat(parameters.text("missing")).isEmpty();
        assertThatThrownBy(() -> parameters.requiredText("missing")).hasMessage("missing: is required");
    }

    @Test
    void onlyScalarValuesAreAccepted() {
        assertThatThrownBy(() -> ParameterValues.of(Map.of("p", List.of(1)))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
