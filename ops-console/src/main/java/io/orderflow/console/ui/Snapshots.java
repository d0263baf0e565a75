package io.orderflow.console.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

/**
 * Writes what a scene shows to a PNG, for tests and README screenshots, at the window's output scale: on a HiDPI
 * screen (or under GDK_SCALE=2) the PNG has the physical pixels, so it shows how the console really renders there.
 * Goes through ImageIO directly (java.desktop), so no javafx-swing dependency is needed. Call on the FX thread.
 */
public final class Snapshots {

    private Snapshots() {
    }

    public static Path write(Scene scene, Path file) throws IOException {
        Parent root = scene.getRoot();
        root.applyCss();
        root.layout();
        double scale = scene.getWindow() == null ? 1 : scene.getWindow().getOutputScaleX();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage image = root.snapshot(parameters, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, pixels, 0, width);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(png, "png", file.toFile());
        return file;
    }
}
