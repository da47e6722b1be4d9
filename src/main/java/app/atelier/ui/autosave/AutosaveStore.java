package app.atelier.ui.autosave;

import app.atelier.engine.IterationRecord;
import app.atelier.image.ImageLoader;
import app.atelier.image.PngWriter;
import app.atelier.model.WeightsSearchPath;
import app.atelier.settings.AtomicFile;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autosave folder, {@code autosave} in the user data folder (beside {@code models}:
 * {@code $XDG_DATA_HOME/atelier}, {@code ~/.local/share/atelier}, and the Windows and macOS
 * equivalents). It holds {@code state.json} (the settings document and the run's length),
 * {@code current.png}, {@code losses.json} and copies of file-less pictures. Every file is
 * replaced atomically and {@code state.json} is written last, so a kill at any moment leaves a
 * restorable whole. Any thread, one writer at a time.
 */
public final class AutosaveStore {

    private static final Logger LOG = LoggerFactory.getLogger(AutosaveStore.class);
    // Costs can become infinite when a run diverges; JSON has no word for that by default.
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private static final String STATE = "state.json";

    private static final String LOCK = ".lock";
    /** Folders this process has claimed. */
    private static final java.util.Set<Path> CLAIMED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path folder;
    /** Holds the lock of {@link #claim()} for the process's life; never read. */
    @SuppressWarnings("unused")
    private FileChannel claim;

    public AutosaveStore(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /**
     * A folder no other running Atelier uses: {@code autosave}, or {@code autosave-2},
     * {@code autosave-3}… when another window holds it. The claim is a lock on {@value #LOCK} that
     * the system lets go when this process ends, however it ends, so a folder left by a crash is
     * claimable again, and its run offered, at the next launch; two windows never write one folder.
     */
    public static Optional<AutosaveStore> claimStandard() {
        return WeightsSearchPath.userDataFolder().flatMap(models -> {
            for (int n = 1; n <= 32; n++) {
                AutosaveStore store = new AutosaveStore(models.resolveSibling(n == 1 ? "autosave" : "autosave-" + n));
                if (store.claim()) {
                    return Optional.of(store);
                }
            }
            LOG.warn("No free autosave folder beside {}; this window does not autosave", models);
            return Optional.empty();
        });
    }

    /** Locks the folder for this process; false when another process (or store) holds it. */
    boolean claim() {
        // A second channel on the file must not even be opened: on Linux, closing it would drop this process's lock.
        if (!CLAIMED_HERE.add(folder)) {
            return false;
        }
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                CLAIMED_HERE.remove(folder);
                return false;
            }
            claim = channel;
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot use the autosave folder {}: {}", folder, e.getMessage());
            CLAIMED_HERE.remove(folder);
            return false;
        }
    }

    public Path folder() {
        return folder;
    }

    /** Whether a run was left behind (the last session did not close cleanly). */
    public boolean exists() {
        return Files.isRegularFile(folder.resolve(STATE));
    }

    public void write(AutosaveState state) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, app.atelier.image.RgbImage> copy : state.copies().entrySet()) {
            Path file = folder.resolve(copy.getKey());
            if (!Files.exists(file)) {
                PngWriter.write(copy.getValue(), file, Map.of());
            }
        }
        PngWriter.write(state.picture(), folder.resolve("current.png"), SettingsCodec.toPngText(state.document()));
        AtomicFile.writeString(folder.resolve("losses.json"), GSON.toJson(state.losses()));
        JsonObject root = new JsonObject();
        root.addProperty("totalIterations", state.totalIterations());
        root.add("shown", GSON.toJsonTree(state.shown()));
        root.add("document", JsonParser.parseString(SettingsCodec.toJson(state.document())));
        AtomicFile.writeString(folder.resolve(STATE), GSON.toJson(root));
    }

    /** The run left behind, or empty when there is none or it cannot be read (logged). */
    public Optional<AutosaveState> read() {
        if (!exists()) {
            return Optional.empty();
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(folder.resolve(STATE), StandardCharsets.UTF_8)).getAsJsonObject();
            SettingsDocument document = SettingsCodec.fromJson(root.get("document").toString(), "the autosave");
            List<IterationRecord> losses = GSON.fromJson(Files.readString(folder.resolve("losses.json"), StandardCharsets.UTF_8),
                    new TypeToken<List<IterationRecord>>() { }.getType());
            return Optional.of(new AutosaveState(document, ImageLoader.load(folder.resolve("current.png")),
                    GSON.fromJson(root.get("shown"), IterationRecord.class),
                    root.get("totalIterations").getAsInt(), List.copyOf(losses), Map.of()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring an unreadable autosave in {}: {}", folder, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Removes the folder and everything in it, except the claim's lock file while it is held (the
     * folder stays, so no other window can claim it); a file that cannot be removed is logged and left.
     */
    public void clear() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                boolean claimed = claim != null && (file.equals(folder) || file.equals(folder.resolve(LOCK)));
                if (!claimed) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove the autosave {}: {}", folder, e.getMessage());
        }
    }
}
