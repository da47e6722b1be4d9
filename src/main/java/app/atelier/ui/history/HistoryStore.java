package app.atelier.ui.history;

import app.atelier.engine.IterationRecord;
import app.atelier.files.DurableFiles;
import app.atelier.files.WriteSteps;
import app.atelier.image.ImageResizer;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import app.atelier.model.WeightsSearchPath;
import app.atelier.settings.AtomicFile;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history folder, {@code history} in the user data folder (beside {@code models} and
 * {@code autosave}): one folder per render, oldest evicted first so that the whole folder stays
 * within the limit the user set ({@code limit.json}). An entry is written into a hidden folder and
 * renamed into place with {@code entry.json} inside, so a crash leaves either a whole entry or
 * none (a leftover hidden folder is removed at the next listing). Any thread, one writer at a time
 * per process; ids carry the process id, so two windows never write the same entry.
 */
public final class HistoryStore {

    static final String PICTURE = "picture.png";
    static final String THUMBNAIL = "thumbnail.png";
    static final String ENTRY = "entry.json";
    private static final String LIMIT = "limit.json";
    public static final int DEFAULT_LIMIT_MEGABYTES = 200;
    public static final int THUMBNAIL_SIDE = 96;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);
    // Costs can become infinite when a run diverges; JSON has no word for that by default.
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path folder;

    public HistoryStore(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /** The standard folder, or empty when the system names no home. */
    public static Optional<HistoryStore> standard() {
        return WeightsSearchPath.userDataFolder().map(models -> new HistoryStore(models.resolveSibling("history")));
    }

    public Path folder() {
        return folder;
    }

    /** The limit on the folder's size in megabytes (10^6 bytes); the default until the user sets one. */
    public int limitMegabytes() {
        try {
            JsonObject root = JsonParser.parseString(Files.readString(folder.resolve(LIMIT), StandardCharsets.UTF_8)).getAsJsonObject();
            return Math.max(1, root.get("megabytes").getAsInt());
        } catch (IOException | RuntimeException e) {
            return DEFAULT_LIMIT_MEGABYTES;
        }
    }

    /** Keeps the new limit and evicts the oldest entries beyond it; returns what is left. */
    public List<HistoryEntry> setLimitMegabytes(int megabytes) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("megabytes", Math.max(1, megabytes));
        AtomicFile.writeString(folder.resolve(LIMIT), GSON.toJson(root));
        return evictBeyondLimit();
    }

    /**
     * Keeps a render: the picture (with {@code document} in its metadata), a thumbnail and the
     * record of the iteration it shows; then evicts the oldest entries beyond the limit (the new
     * one too, when it alone is larger). Returns the entries left, oldest first.
     */
    public List<HistoryEntry> add(SettingsDocument document, IterationRecord shown, int totalIterations, RgbImage picture)
            throws IOException {
        Files.createDirectories(folder);
        Instant created = Instant.now();
        String id = ID.format(created) + "-p" + ProcessHandle.current().pid();
        for (int n = 2; Files.exists(folder.resolve(id)); n++) {
            id = ID.format(created) + "-p" + ProcessHandle.current().pid() + "-" + n;
        }
        Path partial = folder.resolve("." + id + ".partial");
        Files.createDirectories(partial);
        PngWriter.write(picture, partial.resolve(PICTURE), SettingsCodec.toPngText(document));
        RgbImage thumbnail = picture.longSide() > THUMBNAIL_SIDE ? ImageResizer.toLongSide(picture, THUMBNAIL_SIDE) : picture;
        PngWriter.write(thumbnail, partial.resolve(THUMBNAIL), Map.of());
        JsonObject root = new JsonObject();
        root.addProperty("created", created.toString());
        root.addProperty("totalIterations", totalIterations);
        root.add("shown", GSON.toJsonTree(shown));
        root.add("document", JsonParser.parseString(SettingsCodec.toJson(document)));
        AtomicFile.writeString(partial.resolve(ENTRY), GSON.toJson(root));
        Files.move(partial, folder.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.syncFolder(folder, WriteSteps.NONE);
        return evictBeyondLimit();
    }

    /** The entries, oldest first; unreadable ones are logged and left out, half-written ones removed. */
    public List<HistoryEntry> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.endsWith(".partial")) {
                    if (!writerAlive(name)) {
                        delete(child);
                    }
                } else if (Files.isDirectory(child) && !name.startsWith(".")) {
                    read(child).ifPresent(entries::add);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list the history {}: {}", folder, e.getMessage());
        }
        return entries;
    }

    /** Every byte in the history folder (entries and the limit file). */
    public long bytesUsed() {
        return Files.isDirectory(folder) ? size(folder) : 0;
    }

    /** Removes one entry. */
    public void remove(HistoryEntry entry) {
        delete(entry.folder());
    }

    private List<HistoryEntry> evictBeyondLimit() {
        List<HistoryEntry> entries = new ArrayList<>(list());
        long limit = limitMegabytes() * 1_000_000L;
        long used = bytesUsed();
        while (used > limit && !entries.isEmpty()) {
            HistoryEntry oldest = entries.remove(0);
            delete(oldest.folder());
            used = bytesUsed();
        }
        return entries;
    }

    /** Whether the process that is writing the hidden folder {@code name} still runs (then it is no leftover). */
    private static boolean writerAlive(String name) {
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("-p(\\d+)").matcher(name);
        return pid.find() && ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false);
    }

    private Optional<HistoryEntry> read(Path entryFolder) {
        try {
            JsonObject root = JsonParser.parseString(Files.readString(entryFolder.resolve(ENTRY), StandardCharsets.UTF_8)).getAsJsonObject();
            SettingsDocument document = SettingsCodec.fromJson(root.get("document").toString(), entryFolder.getFileName().toString());
            if (!Files.isRegularFile(entryFolder.resolve(PICTURE))) {
                throw new IOException("its picture is missing");
            }
            return Optional.of(new HistoryEntry(entryFolder.getFileName().toString(), Instant.parse(root.get("created").getAsString()),
                    document, GSON.fromJson(root.get("shown"), IterationRecord.class), root.get("totalIterations").getAsInt(),
                    entryFolder, size(entryFolder)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Leaving out the unreadable history entry {}: {}", entryFolder, e.getMessage());
            return Optional.empty();
        }
    }

    private static long size(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // removed meanwhile
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void delete(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Could not remove {}: {}", path, e.getMessage());
        }
    }
}
