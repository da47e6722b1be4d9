package app.atelier.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory and stack options the installed app's launcher gives its JVM, read from the
 * jpackage.cfg the build copies into the jar: the bench's child JVMs use them too, so that its
 * peak memory is the app's. The JVM's defaults differ a lot: its initial heap is 1/64 of the
 * machine's memory (384 MB on 24 GB), which the young generation then fills.
 */
public final class AppJvmOptions {

    private static final String RESOURCE = "/app/atelier/jpackage.cfg";
    private static final Pattern JAVA_OPTION = Pattern.compile("^--java-options\\s+\"?(-X[^\"]*)\"?\\s*$");

    private AppJvmOptions() {
    }

    /** The -X… options (heap, stack, garbage collector) of the app's launcher; empty if unknown. */
    public static List<String> launcherOptions() {
        try (InputStream in = AppJvmOptions.class.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<String> parse(String jpackageConfig) {
        List<String> options = new ArrayList<>();
        for (String line : jpackageConfig.split("\\R")) {
            Matcher matcher = JAVA_OPTION.matcher(line.trim());
            if (matcher.matches()) {
                options.add(matcher.group(1).trim());
            }
        }
        return options;
    }
}
