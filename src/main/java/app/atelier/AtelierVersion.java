package app.atelier;

/** The version Atelier reports: the jar manifest's, or "dev" when run from classes (tests, IDE). */
public final class AtelierVersion {

    private AtelierVersion() {
    }

    public static String current() {
        String version = AtelierVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
