package io.orderflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The database the separate application process runs on: a fresh, empty one for each start, and its size on disk.
 * {@link #H2} is the application's default (a file under its data directory); {@link LocalPostgres} is the other.
 */
interface AppDatabase {

    /** Column name in the table and key in results.json. */
    String name();

    /** How the database is set up, for the table's footnote. */
    String note();

    /** A new, empty database for one application start on {@code dataDir}. */
    Instance fresh(Path dataDir) throws Exception;

    /** One application's database. */
    interface Instance {
        /** Arguments that point the application at it (none for the default H2). */
        List<String> appArgs();

        /** Its size on disk in bytes now. */
        long sizeBytes() throws Exception;
    }

    AppDatabase H2 = new AppDatabase() {
        @Override
        public String name() {
            return "H2";
        }

        @Override
        public String note() {
            return "H2: the application's default file database (<data-dir>/db), size = its files";
        }

        @Override
        public Instance fresh(Path dataDir) {
            Path files = dataDir.resolve("db");
            return new Instance() {
                @Override
                public List<String> appArgs() {
                    return List.of();
                }

                @Override
                public long sizeBytes() {
                    return directorySize(files);
                }
            };
        }
    };

    static long directorySize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file H2 removed while we walked
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
