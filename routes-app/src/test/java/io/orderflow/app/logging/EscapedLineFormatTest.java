package io.orderflow.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;

class EscapedLineFormatTest {

    private final EscapedLineFormat format = new EscapedLineFormat(
            new MockEnvironment().withProperty("spring.application.name", "orderflow"));
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.orderflow.app.order.OrderApi");

    @Test
    void controlCharactersInTheMessageCannotStartANewLine() {
        String line = format.format(event("customer {} placed", "c1\r\nERROR forged\u0000\u001b[31m\u2028x", null));

        assertThat(line).endsWith("\n").hasLineCount(1)
                .contains(" INFO ", "[orderflow]", "io.orderflow.app.order.OrderApi", " : customer "
                        + "c1\\r\\nERROR forged\\u0000\\u001b[31m\\u2028x placed");
    }

    @Test
    void exceptionMessagesAreEscapedAndTheTraceKeepsItsShape() {
        IllegalStateException failure = new IllegalStateException("bad\nERROR forged",
                new IllegalArgumentException("inner\rline"));

        String[] lines = format.format(event("request failed", null, failure)).split("\n");

        assertThat(lines[0]).endsWith(" : request failed");
        assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: bad\\nERROR forged");
        assertThat(lines[2]).startsWith("\tat io.orderflow.app.logging.EscapedLineFormatTest");
        assertThat(lines).contains("Caused by: java.lang.IllegalArgumentException: inner\\rline");
        assertThat(lines).allMatch(line -> line == lines[0] || line.startsWith("\t")
                || line.startsWith("java.lang.") || line.startsWith("Caused by: "));
    }

    private LoggingEvent event(String message, Object argument, Throwable failure) {
        return new LoggingEvent(Logger.FQCN, logger, Level.INFO, message, failure,
                argument == null ? new Object[0] : new Object[] {argument});
    }
}
