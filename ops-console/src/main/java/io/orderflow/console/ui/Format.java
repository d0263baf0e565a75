package io.orderflow.console.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, times and durations read across the console, so every view says "12.5/s" the same way. */
public final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME_MILLIS =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    public static final String NONE = "—";

    private Format() {
    }

    /** Messages per second; NaN (not measured yet) reads as a dash. */
    public static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return NONE;
        }
        if (perSecond == 0) {
            return "0/s";
        }
        return (perSecond < 10 ? String.format(Locale.ROOT, "%.1f", perSecond)
                : String.format(Locale.ROOT, "%,.0f", perSecond)) + "/s";
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String signedCount(long value) {
        return (value > 0 ? "+" : "") + count(value);
    }

    /** A duration in the largest units that keep it short: 850 ms, 12.4 s, 3 min 05 s, 2 h 10 min. */
    public static String millis(long millis) {
        if (millis == 0) {
            return "0 s";
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    public static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    public static String timeMillis(long epochMillis) {
        return TIME_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String dateTime(Instant instant) {
        return instant == null ? NONE : DATE_TIME.format(instant);
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** Instants from the app's JSON: ISO-8601 text, or epoch milliseconds written as a number. */
    public static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text))
                    : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
