package io.github.dsvmpool.problems;

import io.github.dsvmpool.plans.autoscale.AutoscaleSettingsValidator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gson's parse errors said in words, with line and column, and no Java names. */
class JsonErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"a\": 1,                  | not valid JSON: the text ends too early (line 1, column 9)",
            "{\"a\" 1}                   | not valid JSON: a ':' is missing after a property name (line 1, column 7)",
            "[1, 2                       | not valid JSON: the text ends too early (line 1, column 6)",
            "{\"a\": \"open              | not valid JSON: a quoted text is not closed (line 1, column 12)",
            "{\"a\": 1} {\"b\": 2}       | not valid JSON: there is more text after the value, or a character JSON does not allow (line 1, column 11)",
            "`{\"a\": 1,\n \"b\": }`     | not valid JSON: a value is missing (line 2, column 7)"})
    void saysWhatAndWhere(String text, String expected) {
        var error = catchThrowableOfType(JsonParseException.class, () -> JsonParser.parseString(text.trim()));
        assertThat(JsonErrors.describe(error)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"{\"timeZone\": \"UTC\",", "{\"timeZone\" \"UTC\"}"})
    void aMalformedScheduleIsReportedWithoutGsonsWords(String json) {
        var problems = new Problems();
        AutoscaleSettingsValidator.parseAndValidate(json, 4, problems);
        assertThat(problems.list()).singleElement().satisfies(problem -> assertThat(problem.allowed())
                .startsWith("a structured value (a YAML mapping under config:, which Pulumi passes on as JSON):"
                        + " not valid JSON: ")
                .doesNotContain("Exception").doesNotContain("setLenient").doesNotContain("JsonReader"));
    }
}
