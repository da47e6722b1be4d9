package app.atelier.engine;

import ai.djl.Device;
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
    private static final String BEGIN = "<!-- quality-set:begin -->";
    private static final String END = "<!-- quality-set:end -->";

    /**
     * @param shapes how much of the photo's large shapes the render keeps ({@link Recognisability})
     * @param deep   the photo's likeness at a deep layer ({@link FeatureLikeness}); both read 1 for
     *               the photo itself and 0 for the closest of the painting and the other photos
     */
    private record Row(String photo, String painting, RgbImage render, double colour, double ssim,
                       double shapes, double deep, double wall, double perIteration) {
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
            FeatureLikeness likeness = new FeatureLikeness(net, manager);
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
                    List<RgbImage> unrelated = new ArrayList<>(List.of(paintingImage));
                    for (String otherPhoto : PHOTOS) {
                        if (!otherPhoto.equals(photo)) {
                            unrelated.add(ImageLoader.load(TestData.image(otherPhoto + ".jpg")));
                        }
                    }
                    double shapes = new Recognisability(sizedPhoto, unrelated).score(render);
                    double deep = likeness.score(render, sizedPhoto, unrelated);
                    double[] time = times.getOrDefault(photo + "_" + painting, new double[] {Double.NaN, Double.NaN, 1});
                    rows.add(new Row(photo, painting, render,
                            PaintingMeasures.colourRatio(render, sizedPhoto, paintingImage),
                            PaintingMeasures.lumaSsim(render, photoImage), shapes, deep, time[0], time[1] / time[2]));
                    System.out.printf(Locale.ROOT, "%s x %s: colour %.3f ssim %.3f shapes %.3f %s %.3f wall %.1f s%n",
                            photo, painting, rows.get(rows.size() - 1).colour(), rows.get(rows.size() - 1).ssim(),
                            shapes, FeatureLikeness.LAYER, deep, time[0]);
                }
            }
        }
        writeContactSheet(rows, docs.resolve("quality-set.png"));
        writeTable(rows, docs.resolve("quality.md"), settings);
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
        table.append("Recognisable: 1 = the photo itself, 0 = no more like it than the closest of the painting and")
                .append(" the other photos. Shapes: the photo's luma edges at ").append(Recognisability.COARSE_SIDE)
                .append(" px, correlated; ").append(FeatureLikeness.LAYER)
                .append(": cosine of the activations. The published stylisations in ../shared/images/looks score")
                .append(" 0.52-0.62 (shapes) and 0.16-0.31 (").append(FeatureLikeness.LAYER).append(").\n\n");
        table.append("| photo | painting | colour ratio (≤ 0.30) | luma SSIM (≤ 0.50) | recognisable: shapes | ")
                .append("recognisable: ").append(FeatureLikeness.LAYER)
                .append(" | wall time (≤ 60 s median, ≤ 90 s) | mean time per iteration |\n|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.1f s | %.0f ms |%n",
                    row.photo(), row.painting(), row.colour(), row.ssim(), row.shapes(), row.deep(), row.wall(),
                    row.perIteration() * 1000));
        }
        double[] walls = rows.stream().mapToDouble(Row::wall).sorted().toArray();
        table.append(String.format(Locale.ROOT,
                "%nWorst colour ratio %.2f, worst SSIM %.2f, least recognisable %.2f (shapes) and %.2f (%s);"
                        + " wall time median %.1f s, longest %.1f s.%n",
                rows.stream().mapToDouble(Row::colour).max().orElse(Double.NaN),
                rows.stream().mapToDouble(Row::ssim).max().orElse(Double.NaN),
                rows.stream().mapToDouble(Row::shapes).min().orElse(Double.NaN),
                rows.stream().mapToDouble(Row::deep).min().orElse(Double.NaN), FeatureLikeness.LAYER,
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
