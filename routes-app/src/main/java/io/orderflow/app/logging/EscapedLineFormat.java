package io.orderflow.app.logging;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * The application's plain-text log line: Spring Boot's default layout, except that every value that can come from
 * outside (the message with its arguments, exception messages) has its CR, LF and other control characters
 * escaped, so no input can end a line and forge the next one. A stack trace's own lines start with a tab or
 * "Caused by:", as usual.
 * <p>
 * It is the default of {@code logging.structured.format.console} and {@code .file} (application.yml); set either to
 * {@code ecs}, {@code logstash} or {@code gelf} for JSON lines instead.
 */
public class EscapedLineFormat implements StructuredLogFormatter<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneId.systemDefault());

    private final TargetLengthBasedClassNameAbbreviator loggerName = new TargetLengthBasedClassNameAbbreviator(39);
    private final String pid = String.valueOf(ProcessHandle.current().pid());
    private final String application;

    public EscapedLineFormat(Environment environment) {
        String name = environment.getProperty("spring.application.name");
        this.application = name == null || name.isBlank() ? "" : "[" + name + "] ";
    }

    @Override
    public String format(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256)
                .append(TIME.format(event.getInstant())).append(' ')
                .append(String.format("%5s", event.getLevel())).append(' ')
                .append(pid).append(" --- ").append(application)
                .append('[').append(String.format("%15.15s", escape(event.getThreadName()))).append("] ")
                .append(String.format("%-40.40s", loggerName.abbreviate(event.getLoggerName()))).append(" : ")
                .append(escape(event.getFormattedMessage())).append('\n');
        for (IThrowableProxy cause = event.getThrowableProxy(), first = cause; cause != null;
                cause = cause.getCause()) {
            appendThrowable(line, cause, cause == first ? "" : "Caused by: ");
        }
        return line.toString();
    }

    private static void appendThrowable(StringBuilder line, IThrowableProxy throwable, String prefix) {
        line.append(prefix).append(throwable.getClassName());
        if (throwable.getMessage() != null) {
            line.append(": ").append(escape(throwable.getMessage()));
        }
        line.append('\n');
        StackTraceElementProxy[] frames = throwable.getStackTraceElementProxyArray();
        int shown = frames.length - throwable.getCommonFrames();
        for (int i = 0; i < shown; i++) {
            line.append('\t').append(frames[i].getSTEAsString()).append('\n');
        }
        if (throwable.getCommonFrames() > 0) {
            line.append("\t... ").append(throwable.getCommonFrames()).append(" common frames omitted\n");
        }
    }

    /** CR, LF and TAB as {@code \r \n \t}; other control characters and line separators as {@code \}{@code uXXXX}. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement == null) {
                    escaped.append(c);
                } else {
                    escaped.append(replacement);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
