package org.hymnsheet.surveys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classifier of the meaning layer: multinomial logistic regression over a sentence embedding. One class is
 * {@value #ORDINARY} (nothing to act on); the others are the indicator file's kinds of harm. An answer is a possible
 * disclosure when the probability of all harm classes together reaches {@link #threshold()}.
 *
 * <p>The file it is read from is plain text, written by the training tool in the tests
 * ({@code DisclosureModelTraining}), so a reviewer can see what was shipped:
 * <pre>
 * # comments
 * embedding bge-small-en-v15-q
 * threshold 0.5
 * class ordinary &lt;bias&gt; &lt;one weight per embedding dimension&gt;
 * class physical-harm ...
 * </pre>
 * Immutable, so one instance serves all threads.
 */
public final class DisclosureModel {
    public static final String ORDINARY = "ordinary";
    private final String embedding;
    private final double threshold;
    private final List<String> classes;
    private final double[] bias;
    private final double[][] weights;

    public DisclosureModel(String embedding, double threshold, List<String> classes, double[] bias, double[][] weights) {
        if (classes.isEmpty() || !classes.getFirst().equals(ORDINARY) || bias.length != classes.size()
                || weights.length != classes.size()) {
            throw new IllegalArgumentException("the first class must be '" + ORDINARY + "', with one bias and one row of weights per class");
        }
        for (double[] row : weights) {
            if (row.length != weights[0].length) {
                throw new IllegalArgumentException("every class needs one weight per embedding dimension");
            }
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1");
        }
        this.embedding = embedding;
        this.threshold = threshold;
        this.classes = List.copyOf(classes);
        this.bias = bias.clone();
        this.weights = weights.clone();
    }

    public String embedding() {
        return embedding;
    }

    public double threshold() {
        return threshold;
    }

    /** The class names, {@value #ORDINARY} first. */
    public List<String> classes() {
        return classes;
    }

    public int dimensions() {
        return weights[0].length;
    }

    /** The probability of each class (in {@link #classes()} order) for one embedding. */
    public double[] probabilities(float[] x) {
        if (x.length != dimensions()) {
            throw new IllegalArgumentException("expected " + dimensions() + " dimensions, got " + x.length);
        }
        double[] z = new double[classes.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.length; c++) {
            double s = bias[c];
            double[] w = weights[c];
            for (int i = 0; i < x.length; i++) {
                s += w[i] * x[i];
            }
            z[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return z;
    }

    /** The same model with another threshold. */
    public DisclosureModel withThreshold(double t) {
        return new DisclosureModel(embedding, t, classes, bias, weights);
    }

    /** Reads a model file; a mistake names the line and what is wrong. */
    public static DisclosureModel read(InputStream in, String name) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the disclosure model " + name, e);
        }
        String embedding = null;
        double threshold = Double.NaN;
        List<String> classes = new ArrayList<>();
        List<Double> bias = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.lines().toList()) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            try {
                switch (parts[0]) {
                    case "embedding" -> embedding = parts[1];
                    case "threshold" -> threshold = Double.parseDouble(parts[1]);
                    case "class" -> {
                        classes.add(parts[1]);
                        bias.add(Double.parseDouble(parts[2]));
                        double[] w = new double[parts.length - 3];
                        for (int i = 0; i < w.length; i++) {
                            w[i] = Double.parseDouble(parts[i + 3]);
                        }
                        weights.add(w);
                    }
                    default -> throw new IllegalArgumentException("unknown entry '" + parts[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(name + ", line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        try {
            return new DisclosureModel(embedding, threshold, classes,
                    bias.stream().mapToDouble(Double::doubleValue).toArray(), weights.toArray(double[][]::new));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** Writes the model in the format {@link #read} reads, after the given comment lines. */
    public void write(Writer out, List<String> comments) throws IOException {
        for (String c : comments) {
            out.write("# " + c + "\n");
        }
        out.write("embedding " + embedding + "\n");
        out.write(String.format(Locale.ROOT, "threshold %.4f%n", threshold));
        for (int c = 0; c < classes.size(); c++) {
            StringBuilder line = new StringBuilder("class ").append(classes.get(c));
            line.append(String.format(Locale.ROOT, " %.6g", bias[c]));
            for (double w : weights[c]) {
                line.append(String.format(Locale.ROOT, " %.6g", w));
            }
            out.write(line.append('\n').toString());
        }
    }
}
