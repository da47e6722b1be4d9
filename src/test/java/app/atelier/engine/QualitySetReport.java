package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.TestData;
import app.atelier.image.AwtImages;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The quality-set table and contact sheet of docs/quality.md, from the renders that
 * {@code scripts/quality-set.sh} made with {@code render} (one process per pair, so each time
 * includes start-up and weights). Reads {@code FOLDER/PHOTO_PAINTING.png} and
 * {@code FOLDER/times.tsv} (pair, wall seconds, job seconds, iterations); writes
 * {@code docs/quality-set.png} and the table between the markers in {@code docs/quality.md}.
 */
public final class QualitySetReport {

    static final List<String> PHOTOS = List.of("chicago", "dog", "horses");
    static final List<String> PAINTINGS = List.of("composition_vii", "scream", "shipwreck", "udnie", "wave");
    private static final String DEEP_LAYER = "fire7";
    private static final String BEGIN = "<!-- quality-set:begin -->";
    private static final String END = "<!-- quality-set:end -->";

    private record Row(String photo, String painting, RgbImage render, double colour, double ssim,
                       double ownDeep, double otherDeep, double wall, double perIteration) {
    }

    private QualitySetReport() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path docs = Path.of(args.length > 1 ? args[1] : "docs");
        String settings = args.length > 2 ? args[2] : "render defaults";
        Map<String, double[]> times = readTimes(folder.resolve("times.tsv"));
        List<Row> rows = new ArrayList<>();
        try (Backbone net = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (String photo : PHOTOS) {
                RgbImage photoImage = ImageLoader.load(TestData.image(photo + ".jpg"));
                for (String painting : PAINTINGS) {
                    Path file = folder.resolve(photo + "_" + painting + ".png");
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    RgbImage render = ImageLoader.load(file);
                    RgbImage paintingImage = ImageLoader.load(TestData.image(painting + ".jpg"));
                    RgbImage sizedPhoto = ImageResizer.resize(photoImage, render.width(), render.height());
                    double own = deepDistance(net, manager, render, sizedPhoto);
                    double other = Double.MAX_VALUE;
                    for (String otherPhoto : PHOTOS) {
                        if (!otherPhoto.equals(photo)) {
                            RgbImage o = ImageResizer.resize(ImageLoader.load(TestData.image(otherPhoto + ".jpg")),
                                    render.width(), render.height());
                            other = Math.min(other, deepDistance(net, manager, render, o));
                        }
                    }
                    double[] time = times.getOrDefault(photo + "_" + painting, new double[] {Double.NaN, Double.NaN, 1});
                    rows.add(new Row(photo, painting, render,
                            PaintingMeasures.colourRatio(render, sizedPhoto, paintingImage),
                            PaintingMeasures.lumaSsim(render, photoImage), own, other, time[0], time[1] / time[2]));
                    System.out.printf(Locale.ROOT, "%s x %s: colour %.3f ssim %.3f deep %.3f / %.3f wall %.1f s%n",
                            photo, painting, rows.get(rows.size() - 1).colour(), rows.get(rows.size() - 1).ssim(),
                            own, other, time[0]);
                }
            }
        }
        writeContactSheet(rows, docs.resolve("quality-set.png"));
        writeTable(rows, docs.resolve("quality.md"), settings);
    }

    /** ‖F(a) − F(b)‖² / ‖F(b)‖² at the deep layer: small when a shows what b shows. */
    private static double deepDistance(Backbone net, NDManager manager, RgbImage a, RgbImage b) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray fa = net.features(ImageTensors.toTensor(scope, a, DataType.FLOAT32), Set.of(DEEP_LAYER)).get(DEEP_LAYER);
            NDArray fb = net.features(ImageTensors.toTensor(scope, b, DataType.FLOAT32), Set.of(DEEP_LAYER)).get(DEEP_LAYER);
            return fa.sub(fb).square().sum().getFloat() / fb.square().sum().getFloat();
        }
    }

    private static Map<String, double[]> readTimes(Path file) throws Exception {
        Map<String, double[]> times = new java.util.HashMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split("\t");
                if (parts.length == 4) {
                    times.put(parts[0], new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                            Double.parseDouble(parts[3])});
                }
            }
        }
        return times;
    }

    private static void writeTable(List<Row> rows, Path markdown, String settings) throws Exception {
        StringBuilder table = new StringBuilder(BEGIN + "\n");
        table.append("Settings: ").append(settings).append(".\n\n");
        table.append("| photo | painting | colour ratio (≤ 0.30) | luma SSIM (≤ 0.50) | ").append(DEEP_LAYER)
                .append(" distance to its photo / to the nearest other photo | wall time (≤ 60 s median, ≤ 90 s) |")
                .append(" mean time per iteration |\n|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f / %.2f | %.1f s | %.0f ms |%n",
                    row.photo(), row.painting(), row.colour(), row.ssim(), row.ownDeep(), row.otherDeep(), row.wall(),
                    row.perIteration() * 1000));
        }
        double[] walls = rows.stream().mapToDouble(Row::wall).sorted().toArray();
        table.append(String.format(Locale.ROOT,
                "%nWorst colour ratio %.2f, worst SSIM %.2f, renders closer to their own photo than to another at %s: %d of %d;"
                        + " wall time median %.1f s, longest %.1f s.%n",
                rows.stream().mapToDouble(Row::colour).max().orElse(Double.NaN),
                rows.stream().mapToDouble(Row::ssim).max().orElse(Double.NaN), DEEP_LAYER,
                rows.stream().filter(r -> r.ownDeep() < r.otherDeep()).count(), rows.size(),
                walls.length == 0 ? Double.NaN : walls[walls.length / 2],
                walls.length == 0 ? Double.NaN : walls[walls.length - 1]));
        table.append(END);
        String text = Files.isRegularFile(markdown) ? Files.readString(markdown) : "";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? text.substring(0, begin) + table + text.substring(end + END.length())
                : text + "\n" + table + "\n";
        Files.writeString(markdown, updated);
    }

    private static void writeContactSheet(List<Row> rows, Path file) throws Exception {
        int cell = 256;
        int caption = 30;
        int cellHeight = 0;
        for (Row row : rows) {
            cellHeight = Math.max(cellHeight, ImageResizer.toLongSide(row.render(), cell).height());
        }
        BufferedImage sheet = new BufferedImage(cell * PAINTINGS.size(), (cellHeight + caption) * PHOTOS.size(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (Row row : rows) {
                int x = PAINTINGS.indexOf(row.painting()) * cell;
                int y = PHOTOS.indexOf(row.photo()) * (cellHeight + caption);
                g.drawImage(AwtImages.toBufferedImage(ImageResizer.toLongSide(row.render(), cell)), x, y, null);
                g.drawString(row.photo() + " × " + row.painting(), x + 4, y + cellHeight + 12);
                g.drawString(String.format(Locale.ROOT, "colour %.2f  SSIM %.2f  %.0f s", row.colour(), row.ssim(),
                        row.wall()), x + 4, y + cellHeight + 25);
            }
        } finally {
            g.dispose();
        }
        PngWriter.write(AwtImages.fromBufferedImage(sheet), file, Map.of());
        System.out.println("wrote " + file + " and the table; " + Arrays.toString(new int[] {rows.size()}) + " renders");
    }
}
