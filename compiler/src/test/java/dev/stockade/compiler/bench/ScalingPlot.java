package dev.stockade.compiler.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The scaling plot of docs/performance.md, drawn from the measurements with Java2D (no extra
 * dependency): wall time against fleet size on log-log axes for Stockade on one thread, on all
 * cores, and the read-JSON-and-write baseline, with the 15 s target and a linear reference.
 */
final class ScalingPlot {

    private static final int W = 760;
    private static final int H = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private ScalingPlot() {
    }

    /** Redraws the plot from a benchmark's CSV: {@code ScalingPlot CSV PNG}. */
    public static void main(String[] args) throws IOException {
        List<Measure.Row> rows = Files.readAllLines(Path.of(args[0])).stream().skip(1).map(l -> l.split(","))
                .map(f -> new Measure.Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[7]), f.length > 8 ? Double.parseDouble(f[8]) : 0,
                        f.length > 9 ? Double.parseDouble(f[9]) : 0, f.length > 10 ? Double.parseDouble(f[10]) : 0,
                        f.length > 11 ? Double.parseDouble(f[11]) : 0))
                .toList();
        write(rows, Path.of(args[1]));
    }

    static void write(List<Measure.Row> rows, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double xMin = 50;
        double xMax = 20_000;
        double yMin = 10;
        double yMax = 100_000;
        Axes axes = new Axes(xMin, xMax, yMin, yMax);
        g.setColor(new Color(230, 230, 230));
        for (double x = 100; x <= xMax; x *= 10) {
            g.drawLine(axes.x(x), TOP, axes.x(x), H - BOTTOM);
        }
        for (double y = yMin; y <= yMax; y *= 10) {
            g.drawLine(LEFT, axes.y(y), W - RIGHT, axes.y(y));
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (double x = 100; x <= xMax; x *= 10) {
            g.drawString(String.format(Locale.ROOT, "%,.0f", x), axes.x(x) - 15, H - BOTTOM + 18);
        }
        for (double y = yMin; y <= yMax; y *= 10) {
            g.drawString(y >= 1000 ? String.format(Locale.ROOT, "%.0f s", y / 1000) : String.format(Locale.ROOT, "%.0f ms", y),
                    8, axes.y(y) + 4);
        }
        g.drawString("servers (log scale)", LEFT + 160, H - 20);
        g.drawString("end-to-end wall time (log scale): read, parse, check, compile every target, write", LEFT, 24);
        g.setColor(new Color(200, 0, 0));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawLine(LEFT, axes.y(15_000), W - RIGHT, axes.y(15_000));
        g.drawString("target: 15 s at 10,000", LEFT + 8, axes.y(15_000) - 6);
        int maxThreads = rows.stream().mapToInt(Measure.Row::threads).max().orElse(1);
        List<Series> series = new ArrayList<>();
        series.add(new Series("Stockade, 1 thread", new Color(0, 90, 200), r -> r.threads() == 1, Measure.Row::wallMs));
        if (maxThreads > 1) {
            series.add(new Series("Stockade, " + maxThreads + " threads", new Color(0, 150, 60), r -> r.threads() == maxThreads,
                    Measure.Row::wallMs));
        }
        series.add(new Series("baseline (Jackson)", new Color(120, 120, 120), r -> r.threads() == 1,
                Measure.Row::baseWallMs));
        int legend = TOP + 40;
        for (Series s : series) {
            List<Measure.Row> points = rows.stream().filter(s.filter()).toList();
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2f));
            for (int i = 0; i < points.size(); i++) {
                int px = axes.x(points.get(i).servers());
                int py = axes.y(s.value().applyAsDouble(points.get(i)));
                g.fillOval(px - 4, py - 4, 8, 8);
                if (i > 0) {
                    g.drawLine(axes.x(points.get(i - 1).servers()), axes.y(s.value().applyAsDouble(points.get(i - 1))), px, py);
                }
            }
            g.drawLine(W - RIGHT + 8, legend, W - RIGHT + 28, legend);
            g.drawString(s.name(), W - RIGHT + 34, legend + 4);
            legend += 20;
        }
        List<Measure.Row> first = rows.stream().filter(r -> r.threads() == 1).toList();
        if (!first.isEmpty()) {
            Measure.Row r = first.get(0);
            g.setColor(new Color(150, 150, 150));
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
            g.drawLine(axes.x(r.servers()), axes.y(r.wallMs()), axes.x(xMax), axes.y(r.wallMs() * xMax / r.servers()));
            g.drawString("linear from the first size", W - RIGHT + 8, legend + 4);
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private record Series(String name, Color color, java.util.function.Predicate<Measure.Row> filter,
            ToDoubleFunction<Measure.Row> value) {
    }

    private record Axes(double xMin, double xMax, double yMin, double yMax) {

        int x(double v) {
            return LEFT + (int) Math.round((Math.log(v) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin)) * (W - LEFT - RIGHT));
        }

        int y(double v) {
            double clamped = Math.max(yMin, Math.min(yMax, v));
            return H - BOTTOM - (int) Math.round((Math.log(clamped) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin))
                    * (H - TOP - BOTTOM));
        }
    }
}
