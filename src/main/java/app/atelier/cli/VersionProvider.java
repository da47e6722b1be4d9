package app.atelier.cli;

import picocli.CommandLine;

/** The version from the jar's manifest ("dev" when run from classes, as in tests). */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AtelierCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Atelier " + (version == null ? "dev" : version)};
    }
}
