package io.orderflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.orderflow.testsupport.AppProcess;

/**
 * The installable console as {@code ./mvnw package} leaves it: the zip holds a launcher, a Java runtime and the jars,
 * and the console started by that launcher, headless, against the real app writes a picture of every view and exits.
 */
class PackagedConsoleIT {

    @Test
    void thePackagedConsoleStartsHeadlessAgainstTheAppAndWritesAPictureOfEveryView() throws Exception {
        Path image = Path.of(System.getProperty("orderflow.console.image"));
        Path zip = Path.of(System.getProperty("orderflow.console.zip"));
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> entries = new ArrayList<>();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            archive.stream().map(ZipEntry::getName).forEach(entries::add);
        }
        assertThat(entries).contains("ops-console/bin/ops-console", "ops-console/bin/ops-console.cmd",
                "ops-console/runtime/bin/" + (windows ? "java.exe" : "java"));
        assertThat(entries).anyMatch(e -> e.matches("ops-console/lib/ops-console-.*\\.jar"))
                .anyMatch(e -> e.matches("ops-console/lib/javafx-graphics-.*\\.jar"))
                .anyMatch(e -> e.matches("ops-console/lib/kafka-clients-.*\\.jar"));

        Path shots = Files.createTempDirectory("packaged-console-shots");
        Path log = Path.of("target", "packaged-console.log").toAbsolutePath();
        try (AppProcess app = AppUnderTest.start()) {
            Process console = new ProcessBuilder(image.resolve(windows ? "bin/ops-console.cmd" : "bin/ops-console")
                    .toString(), "--headless", "--snapshot-dir=" + shots, "--snapshot-after=8",
                    "--bootstrap-servers=" + app.bootstrapServers(), "--app-url=" + app.url(""),
                    "--token=" + AppUnderTest.TOKEN, "--refresh-seconds=1")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = console.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                console.destroyForcibly();
            }
            assertThat(exited).as("the console exits after its snapshots; see " + log).isTrue();
            assertThat(console.exitValue()).as("see " + log).isZero();
        }
        for (Console.View view : Console.View.values()) {
            Path png = shots.resolve((view.ordinal() + 1) + "-" + view.id().substring(4) + ".png");
            assertThat(png).as("see " + log).isRegularFile();
            BufferedImage picture = ImageIO.read(png.toFile());
            assertThat(picture.getWidth()).isEqualTo((int) ConsoleApp.WIDTH);
            assertThat(picture.getHeight()).isEqualTo((int) ConsoleApp.HEIGHT);
        }
    }
}
