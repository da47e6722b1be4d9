package app.atelier.cli;

import app.atelier.engine.JobSpec;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.OptimizerKind;
import app.atelier.engine.RenderQuality;
import app.atelier.engine.StyleSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings of a render as PNG text entries. Keys are "atelier." plus the {@code render}
 * option that sets the value, so a reader can repeat the render from them.
 */
final class RenderMetadata {

    static final String PREFIX = "atelier.";

    private RenderMetadata() {
    }

    static Map<String, String> of(JobSpec job, Path content, List<Path> styles) {
        LiveParameters p = job.parameters();
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Software", new VersionProvider().getVersion()[0]);
        text.put(PREFIX + "content", content.toString());
        text.put(PREFIX + "style", styles.stream().map(Path::toString).collect(Collectors.joining(",")));
        text.put(PREFIX + "style-weights", job.styles().stream().map(StyleSource::weight)
                .map(RenderHelp::number).collect(Collectors.joining(",")));
        text.put(PREFIX + "size", Integer.toString(job.longSide()));
        text.put(PREFIX + "alpha", RenderHelp.number(p.alpha()));
        text.put(PREFIX + "beta", RenderHelp.number(p.beta()));
        text.put(PREFIX + "cost-mode", p.costMode().id());
        text.put(PREFIX + "content-layer", String.join(",", p.contentLayers()));
        text.put(PREFIX + "style-layers", RenderHelp.styleLayers(p.styleLayers()));
        text.put(PREFIX + "tv", RenderHelp.number(p.tvWeight()));
        text.put(PREFIX + "lr", RenderHelp.number(p.learningRate()));
        text.put(PREFIX + "iterations", Integer.toString(job.iterations()));
        text.put(PREFIX + "init", job.init().name().toLowerCase(Locale.ROOT));
        text.put(PREFIX + "seed", Long.toString(job.seed()));
        text.put(PREFIX + "backbone", job.backbone().id());
        text.put(PREFIX + "pool", job.pooling().name().toLowerCase(Locale.ROOT));
        RenderQuality q = job.quality();
        if (!q.equals(RenderQuality.DEFAULT)) {
            text.put(PREFIX + "optimizer", q.optimizer().name().toLowerCase(Locale.ROOT));
            if (q.optimizer() == OptimizerKind.LBFGS) {
                text.put(PREFIX + "lbfgs-history", Integer.toString(q.lbfgsHistory()));
                text.put(PREFIX + "lbfgs-tolerance", RenderHelp.number(q.lbfgsGradientTolerance()) + ","
                        + RenderHelp.number(q.lbfgsCostTolerance()));
            }
            text.put(PREFIX + "scales", Integer.toString(q.scales()));
            if (q.iterationsPerScale() > 0) {
                text.put(PREFIX + "iterations-per-scale", Integer.toString(q.iterationsPerScale()));
            }
            text.put(PREFIX + "ema", RenderHelp.number(q.emaDecay()));
            text.put(PREFIX + "original-colors", Boolean.toString(q.originalColors()));
            text.put(PREFIX + "match-histogram", Boolean.toString(q.matchHistogram()));
            text.put(PREFIX + "style-scale", RenderHelp.number(q.styleScale()));
            text.put(PREFIX + "mask", Boolean.toString(q.mask() != null));
        }
        return text;
    }

    /** The same entries for a picture taken after {@code done} of {@code planned} iterations. */
    static Map<String, String> withIterationsDone(Map<String, String> text, int done, int planned) {
        Map<String, String> result = new LinkedHashMap<>(text);
        result.put(PREFIX + "iterations", Integer.toString(done));
        if (done != planned) {
            result.put(PREFIX + "iterations-planned", Integer.toString(planned));
        }
        return result;
    }
}
