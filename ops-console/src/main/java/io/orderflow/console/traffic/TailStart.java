package io.orderflow.console.traffic;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the live tail starts reading each partition, as kafbat and Kafdrop offer it: a few records back from the end
 * (the default), the beginning, the first record at or after a time, or an offset, either on every partition or per
 * partition ({@code 0=120, 2=45}: then only those partitions are read).
 *
 * @param at         for {@link Kind#TIMESTAMP}
 * @param offset     for {@link Kind#OFFSET} on every partition
 * @param partitions for {@link Kind#OFFSET} per partition: partition number to offset; empty otherwise
 */
public record TailStart(Kind kind, Instant at, Long offset, Map<Integer, Long> partitions) {

    public enum Kind {
        LATEST("The last records"), EARLIEST("From the beginning"), TIMESTAMP("From a time"), OFFSET("From an offset");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final TailStart LATEST = new TailStart(Kind.LATEST, null, null, Map.of());

    /**
     * Reads the operator's text for a kind: an ISO time ({@code 2026-11-24T10:15:00Z}, or local
     * {@code 2026-11-24 10:15}) for TIMESTAMP; {@code 120} or {@code 0=120, 2=45} for OFFSET.
     *
     * @throws IllegalArgumentException with a message to show when the text does not fit the kind
     */
    public static TailStart parse(Kind kind, String text, ZoneId zone) {
        String value = text == null ? "" : text.trim();
        return switch (kind) {
            case LATEST -> LATEST;
            case EARLIEST -> new TailStart(Kind.EARLIEST, null, null, Map.of());
            case TIMESTAMP -> new TailStart(Kind.TIMESTAMP, instant(value, zone), null, Map.of());
            case OFFSET -> value.contains("=") ? new TailStart(Kind.OFFSET, null, null, perPartition(value))
                    : new TailStart(Kind.OFFSET, null, offset(value), Map.of());
        };
    }

    /** Whether this start reads {@code partition} at all. */
    public boolean reads(int partition) {
        return partitions.isEmpty() || partitions.containsKey(partition);
    }

    private static Instant instant(String value, ZoneId zone) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
            } catch (DateTimeParseException local) {
                throw new IllegalArgumentException("a time such as 2026-11-24T10:15:00Z or 2026-11-24 10:15, not '"
                        + value + "'");
            }
        }
    }

    private static Map<Integer, Long> perPartition(String value) {
        Map<Integer, Long> offsets = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            String[] pair = part.split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("partition=offset pairs such as 0=120, 2=45, not '" + part.trim()
                        + "'");
            }
            try {
                offsets.put(Integer.parseInt(pair[0].trim()), offset(pair[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a partition number, not '" + pair[0].trim() + "'");
            }
        }
        return Map.copyOf(offsets);
    }

    private static long offset(String value) {
        try {
            long offset = Long.parseLong(value);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("an offset of 0 or more, not '" + value + "'");
    }
}
