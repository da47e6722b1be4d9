package app.atelier.cli;

import app.atelier.AtelierVersion;
import picocli.CommandLine;

/** The version from the jar's manifest ("dev" when run from classes, as in tests). */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Atelier " + AtelierVersion.current()};
    }
}
