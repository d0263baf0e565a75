package io.orderflow.console.traffic;

import java.util.Locale;
import java.util.function.Predicate;

import io.orderflow.console.kafka.EventRecord;
import io.orderflow.console.kafka.HeaderText;

/**
 * What the tail shows: records whose key or orderId contains {@code text}, of {@code type}, with a header matching
 * {@code header}. A header filter {@code name=value} matches that header containing the value; without '=' it
 * matches any header name or value. Blank parts match everything; all comparisons ignore case.
 */
record TailFilter(String text, String type, String header) implements Predicate<EventRecord> {

    static final String ANY_TYPE = "All types";
    static final String NO_TYPE = "(no type)";

    @Override
    public boolean test(EventRecord record) {
        return matchesText(record) && matchesType(record) && matchesHeader(record);
    }

    private boolean matchesText(EventRecord record) {
        if (blank(text)) {
            return true;
        }
        String wanted = lower(text);
        return contains(record.key(), wanted) || contains(record.orderId(), wanted);
    }

    private boolean matchesType(EventRecord record) {
        if (blank(type) || ANY_TYPE.equals(type)) {
            return true;
        }
        return NO_TYPE.equals(type) ? record.type() == null : type.equalsIgnoreCase(record.type());
    }

    private boolean matchesHeader(EventRecord record) {
        if (blank(header)) {
            return true;
        }
        int equals = header.indexOf('=');
        String name = equals < 0 ? null : header.substring(0, equals).trim();
        String value = lower(equals < 0 ? header : header.substring(equals + 1)).trim();
        for (HeaderText h : record.headers()) {
            boolean match = name == null
                    ? contains(h.name(), value) || contains(h.value(), value)
                    : h.name().equalsIgnoreCase(name) && contains(h.value(), value);
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String candidate, String lowerNeedle) {
        return candidate != null && lower(candidate).contains(lowerNeedle);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
