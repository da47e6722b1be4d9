package app.atelier.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the headless commands: {@code atelier <command> [options]}. */
@Command(name = "atelier",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Neural style transfer. Without arguments, java -jar atelier.jar opens the studio window.",
        subcommands = {RenderCommand.class, BenchCommand.class, ModelsCommand.class, CommandLine.HelpCommand.class})
public final class AtelierCommand implements Runnable {

    /** Exit status for input the user must correct (bad option, missing file, unknown layer...). */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** Exit status when the work itself failed (engine error, unwritable output...). */
    public static final int EXIT_FAILURE = CommandLine.ExitCode.SOFTWARE;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // A bare "atelier" on the command line never reaches here (the Launcher opens the window),
        // but picocli needs the root to do something: show what it can do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code args} with the process's stdout and stderr; returns the exit status. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs {@code args} writing help/results to {@code out} and problems to {@code err}. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return newCommandLine(out, err).execute(args);
    }

    /**
     * True when {@code args} are picture files to open in the window ("Open with Atelier", or
     * {@code atelier photo.jpg painting.jpg}) rather than a command: none is an option or a command
     * name, and each names an existing file.
     */
    public static boolean areFilesToOpen(String... args) {
        if (args.length == 0) {
            return false;
        }
        var commands = newCommandLine(new PrintWriter(System.out), new PrintWriter(System.err)).getSubcommands().keySet();
        for (String arg : args) {
            if (arg.startsWith("-") || commands.contains(arg) || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg))) {
                return false;
            }
        }
        return true;
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new AtelierCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(AtelierCommand::reportUsageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("Error: " + messageOf(e));
            cmd.getErr().flush();
            return EXIT_FAILURE;
        });
        return commandLine;
    }

    /** One line saying what is wrong and where to look, instead of picocli's full usage dump. */
    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String commandName = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println("Error: " + e.getMessage() + " (see: " + commandName + " --help)");
        cmd.getErr().flush();
        return EXIT_USAGE;
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
