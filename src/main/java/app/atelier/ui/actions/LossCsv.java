package app.atelier.ui.actions;

import app.atelier.engine.IterationRecord;
import app.atelier.engine.LiveParameters;
import java.util.Locale;

/** One iteration as a CSV row; numbers in full precision with a dot, so spreadsheets in any locale read them. */
final class LossCsv {

    static final String HEADER = "iteration,total,content,style,tv,alpha,beta,tv_weight,learning_rate,parameters_changed,millis";

    private LossCsv() {
    }

    static String row(IterationRecord record) {
        LiveParameters p = record.parameters();
        return String.join(",",
                Integer.toString(record.iteration()),
                number(record.loss().total()), number(record.loss().content()),
                number(record.loss().style()), number(record.loss().tv()),
                number(p.alpha()), number(p.beta()), number(p.tvWeight()), number(p.learningRate()),
                Boolean.toString(record.parametersChanged()),
                String.format(Locale.ROOT, "%.3f", record.nanos() / 1e6));
    }

    private static String number(double value) {
        return Double.toString(value);
    }
}
