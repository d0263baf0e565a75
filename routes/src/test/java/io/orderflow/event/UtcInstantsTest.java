package io.orderflow.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-12-04T10:15:30Z", "2026-12-04T10:15:30.1Z", "2026-12-04T10:15:30.123456Z",
            "2026-12-04T10:15:30.123456789Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "1969-12-31T23:59:59.000000001Z",
            // left to Instant.parse, which decides on them
            "2026-12-04T24:00:00Z", "2026-12-04T23:59:60Z", "+12026-12-04T10:15:30Z", "2026-12-04T10:15:30+01:00",
            "2026-12-04t10:15:30z", "2026-12-04T10:15:30.Z", "-2026-12-04T10:15:30Z"})
    void readsWhatInstantParseReads(String text) {
        Object expected = outcome(text);
        assertThat(outcome(UtcInstants::parse, text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-02-29T10:15:30Z", "2026-13-01T10:15:30Z", "2026-00-10T10:15:30Z", "2026-12-32T10:15:30Z",
            "2026-12-04T10:60:30Z", "2026-12-04T10:15:30.1234567890Z",
            "2026-12-04 10:15:30Z", "2026-12-04T10:15:30", "2026-12-4T10:15:30Z", "2026-12-04T10:15:3aZ",
            "2026-12-04T10:15:30.12a4Z", "20261204T101530Z", "", "2026-12-04T10:15:30ZZ"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> UtcInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithInstantParseOnRandomInstantsAndTheirMangledTexts() {
        SplittableRandom random = new SplittableRandom(42);
        String alphabet = "0123456789-:.TZ+x ";
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(5) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            for (String candidate : List.of(text, mangle(text, random, alphabet))) {
                assertThat(outcome(UtcInstants::parse, candidate)).as(candidate).isEqualTo(outcome(candidate));
            }
        }
    }

    private static String mangle(String text, SplittableRandom random, String alphabet) {
        char[] chars = text.toCharArray();
        chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        return new String(chars);
    }

    private static Object outcome(String text) {
        return outcome(Instant::parse, text);
    }

    /** The instant read, or the kind of failure: the two readers must agree on both. */
    private static Object outcome(Function<String, Instant> reader, String text) {
        try {
            return reader.apply(text);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
