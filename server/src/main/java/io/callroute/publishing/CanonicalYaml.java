package io.callroute.publishing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * YAML export and import of rule sets, written so that export → import → export gives the same bytes: block style,
 * keys in stored order, two-space indentation with list items indented, no line splitting, and quotes wherever a
 * YAML reader could take a string for something else. Beyond what Jackson quotes by itself, every string that
 * starts like a number, time or date is quoted ({@code "09:00"}, {@code "+6531580001"}, {@code "007"},
 * {@code "2026-12-24"}): YAML 1.1 tools read unquoted {@code 09:00} as the number 540, and a reviewer should see in
 * the file what the rule means. Comments of an imported file are not kept: the store holds data, not layout.
 */
public final class CanonicalYaml {

    private static final Pattern LOOKS_LIKE_A_VALUE = Pattern.compile("[-+.0-9].*|(?i)[.]?(nan|inf|infinity)");

    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new QuoteLookalikes())
            .build()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private CanonicalYaml() {
    }

    /** Parses YAML text into the same tree the JSON API uses. */
    public static JsonNode parse(String yaml) throws JacksonException {
        return MAPPER.readTree(yaml);
    }

    /** The canonical YAML text of a rule set tree. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("a rule set could not be written as YAML", e);
        }
    }

    /** Jackson's quoting rules plus: anything that starts like a number, time, date or special float. */
    private static final class QuoteLookalikes extends StringQuotingChecker.Default {

        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || LOOKS_LIKE_A_VALUE.matcher(value).matches();
        }
    }
}
