package app.atelier.cli;

import app.atelier.settings.Pictures;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsDocument;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code render --settings FILE}: every {@code render} option the command line does not give takes
 * its value from the file, so a saved picture renders again as it was made and any option given
 * changes just that. Values go through picocli's own bindings and are checked afterwards exactly
 * like typed ones.
 */
final class SettingsFileOptions {

    private final CommandLine commandLine;
    private final SettingsDocument document;

    SettingsFileOptions(CommandLine commandLine, SettingsDocument document) {
        this.commandLine = commandLine;
        this.document = document;
    }

    /** @throws CommandLine.ParameterException when the file's values or pictures cannot be used */
    void fill() {
        RenderSettings s = document.settings();
        try {
            boolean otherBackbone = given("--backbone")
                    && commandLine.getCommandSpec().findOption("--backbone").getValue() != s.backboneKind();
            set("--backbone", s.backboneKind());
            set("--device", s.deviceKind());
            if (!otherBackbone) {
                // The file's layers belong to its backbone; with another one its defaults apply.
                set("--content-layer", s.contentLayers());
                set("--style-layers", s.enabledStyleLayers().stream()
                        .map(layer -> layer.name() + ":" + Double.toString(layer.weight())).toList());
            }
            set("--alpha", s.alpha());
            set("--beta", s.beta());
            set("--cost-mode", s.costModeKind().id());
            set("--tv", s.tvWeight());
            set("--lr", s.learningRate());
            set("--size", s.size());
            set("--init", s.initMode());
            set("--iterations", s.iterations());
            set("--seed", s.seed());
            set("--pool", s.poolingKind());
            RenderSettings.QualitySetting q = s.quality();
            set("--optimizer", s.optimizerKind());
            set("--lbfgs-history", q.lbfgsHistory());
            set("--lbfgs-tolerance", List.of(q.lbfgsGradientTolerance(), q.lbfgsCostTolerance()));
            set("--scales", q.scales());
            set("--iterations-per-scale", q.iterationsPerScale() > 0 ? q.iterationsPerScale() : null);
            set("--ema", q.emaDecay());
            set("--original-colors", q.originalColors());
            set("--painting-palette", q.paintingPalette());
            set("--bfloat16", q.bfloat16());
            set("--match-histogram", q.matchHistogram());
            set("--style-scale", q.styleScale());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (document.pictures() != null) {
            takePictures(document.pictures());
        }
    }

    private void takePictures(Pictures pictures) {
        if (pictures.content() != null) {
            set("--content", existing(pictures.content().name(), pictures.content().path(), "--content"));
        }
        if (!given("--style") && !pictures.styles().isEmpty()) {
            set("--style", pictures.styles().stream()
                    .map(style -> existing(style.name(), style.path(), "--style")).toList());
            set("--style-weights", pictures.styles().stream().map(Pictures.StylePicture::weight).toList());
        }
        if (pictures.mask() != null) {
            set("--mask", existing(pictures.mask().name(), pictures.mask().path(), "--mask"));
        }
    }

    /** The picture's file; only asked for when the command line does not replace it. */
    private Path existing(String name, String path, String option) {
        if (given(option)) {
            return null;
        }
        Pictures.Picture picture = new Pictures.Picture(name, path);
        return picture.existingFile().orElseThrow(() -> usage(name + ", named by --settings, is not at "
                + (path == null ? "any known path (it was not a file)" : path) + " any more; pass " + option + " FILE"));
    }

    private boolean given(String option) {
        return commandLine.getParseResult().hasMatchedOption(option);
    }

    private void set(String option, Object value) {
        if (given(option)) {
            return;
        }
        OptionSpec spec = commandLine.getCommandSpec().findOption(option);
        spec.setValue(value);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(commandLine, "--settings " + commandLine.getCommandSpec()
                .findOption("--settings").getValue() + ": " + message);
    }
}
