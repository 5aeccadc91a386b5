package org.hymnsheet.surveys;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The second layer of disclosure screening: recognises what an answer means rather than which words it uses, so
 * disclosures phrased in ways the indicator list never listed ("home isnt nice when he's had a drink") are found.
 *
 * <p>Each answer is cut into overlapping windows (the whole answer, each sentence, each pair of neighbouring
 * sentences in answers of up to {@value #PAIRS_UP_TO} sentences, long sentences in stretches of {@value #WINDOW_WORDS} words), so a disclosure at the end of a long
 * answer about a place is not averaged away. Each window becomes a sentence embedding (BAAI bge-small-en-v1.5, quantised,
 * run by ONNX Runtime inside the app: the model ships in the jar and nothing is downloaded) and the
 * {@link DisclosureModel} gives the probability that it is a disclosure. The answer is flagged when any window
 * reaches the model's threshold; the kind of harm is the most likely one of that window. Thread-safe.
 */
@Component
public final class DisclosureMeaning {
    public static final String DEFAULT_MODEL = "classpath:safeguarding/disclosure-model.txt";
    /** The sentence-embedding model the classifier is trained on, as the model file names it. */
    public static final String EMBEDDING = "bge-small-en-v15-q";
    static final int WINDOW_WORDS = 30;
    static final int MAX_WINDOWS = 24;
    static final int PAIRS_UP_TO = 6;
    private static final Logger log = LoggerFactory.getLogger(DisclosureMeaning.class);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\s*[\\r\\n]+\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** What the model found: the highest probability of harm over the windows, and its most likely kind. */
    public record Finding(boolean flagged, double probability, String category) {
        static final Finding NOTHING = new Finding(false, 0, null);
    }

    private final CompletableFuture<EmbeddingModel> embeddings;
    private final DisclosureModel model;

    /**
     * The app's model layer. The classifier file is read at once (a mistake in it stops the start, naming the line);
     * the embedding model (two seconds to load) loads beside the rest of the start, and the first answer screened
     * waits for it if it comes sooner.
     */
    @Autowired
    public DisclosureMeaning(@Value("${hymnsheet.safeguarding.model:" + DEFAULT_MODEL + "}") String location,
                             ResourceLoader resources) {
        this(shared(), load(location.startsWith("classpath:") || location.startsWith("file:")
                        ? resources.getResource(location) : new FileSystemResource(location)));
        embeddings.whenComplete((m, e) -> {
            if (e != null) {
                log.error("The disclosure model could not be loaded: answers are screened by the indicator list only", e);
            } else {
                log.info("Disclosure detection by meaning: {} classes, threshold {}, from {}", model.classes().size(),
                        model.threshold(), location);
            }
        });
    }

    public DisclosureMeaning(EmbeddingModel embeddings, DisclosureModel model) {
        this(CompletableFuture.completedFuture(embeddings), model);
    }

    private DisclosureMeaning(CompletableFuture<EmbeddingModel> embeddings, DisclosureModel model) {
        if (!EMBEDDING.equals(model.embedding())) {
            throw new IllegalStateException("The disclosure model was trained on '" + model.embedding()
                    + "' embeddings, but the app runs '" + EMBEDDING + "'");
        }
        this.embeddings = embeddings.thenApply(e -> {
            if (e.dimension() != model.dimensions()) {
                throw new IllegalStateException("The disclosure model expects " + model.dimensions()
                        + " dimensions but the embedding model gives " + e.dimension());
            }
            return e;
        });
        this.model = model;
        if (embeddings.isDone()) {
            this.embeddings.join(); // a mismatch shows at once when the embedding model is given ready
        }
    }

    private static CompletableFuture<EmbeddingModel> shared;

    /**
     * The process's one embedding model, loading on its own thread from the first call: it is immutable and
     * thread-safe, so every application context of the process (one in production, many in a test run) shares it.
     */
    private static synchronized CompletableFuture<EmbeddingModel> shared() {
        if (shared == null) {
            shared = CompletableFuture.supplyAsync(() -> embeddingModel(EMBEDDING),
                    r -> Thread.ofPlatform().daemon().name("disclosure-model-load").start(r));
        }
        return shared;
    }

    /** The process's shipped embedding model, once loaded (for the training tool and the tests). */
    public static EmbeddingModel embeddingModel() {
        return shared().join();
    }

    static EmbeddingModel embeddingModel(String name) {
        if (!EMBEDDING.equals(name)) {
            throw new IllegalArgumentException("unknown embedding model " + name);
        }
        return new BgeSmallEnV15QuantizedEmbeddingModel();
    }

    private static DisclosureModel load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return DisclosureModel.read(in, resource.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the disclosure model " + resource.getDescription(), e);
        }
    }

    public DisclosureModel model() {
        return model;
    }

    /** Assesses one answer; blank answers find nothing. */
    public Finding assess(String text) {
        return assess(text, model);
    }

    /** Assesses with another model over the same embeddings (for the training tool's cross-validation). */
    Finding assess(String text, DisclosureModel with) {
        double best = 0;
        String kind = null;
        List<String> windows = windows(text);
        List<float[]> vectors = switch (windows.size()) {
            case 0 -> List.of();
            case 1 -> List.of(embed(windows.getFirst()));
            default -> embedAll(windows);
        };
        for (float[] vector : vectors) {
            double[] p = with.probabilities(vector);
            double harm = 1 - p[0];
            if (harm > best) {
                best = harm;
                int top = 1;
                for (int c = 2; c < p.length; c++) {
                    if (p[c] > p[top]) {
                        top = c;
                    }
                }
                kind = with.classes().get(top);
            }
        }
        return kind == null ? Finding.NOTHING : new Finding(best >= with.threshold(), best, kind);
    }

    /** Whether a text has a letter, a digit or a symbol such as an emoji: something a model can read. */
    private static boolean readable(String text) {
        return text.codePoints().anyMatch(c -> Character.isLetterOrDigit(c) || Character.getType(c) == Character.OTHER_SYMBOL);
    }

    /** Several windows at once: the embedding model spreads them over the cores. */
    private List<float[]> embedAll(List<String> windows) {
        return embeddings.join().embedAll(windows.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }

    float[] embed(String window) {
        return embeddings.join().embed(window).content().vector();
    }

    /**
     * The stretches of an answer the model reads: the whole answer (when it is short), each sentence, each pair of
     * neighbouring sentences, and long sentences in overlapping stretches of words. At most {@value #MAX_WINDOWS},
     * always keeping the last ones, where a disclosure at the end of a long answer sits.
     */
    static List<String> windows(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String whole = text.strip();
        List<String> sentences = new ArrayList<>();
        if (!readable(whole)) {
            return List.of();
        }
        for (String s : SENTENCE_END.split(whole)) {
            String[] words = SPACE.split(s.strip());
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            if (words.length <= WINDOW_WORDS) {
                sentences.add(s.strip());
            } else {
                int step = WINDOW_WORDS * 2 / 3;
                for (int from = 0; from < words.length; from += step) {
                    int to = Math.min(words.length, from + WINDOW_WORDS);
                    sentences.add(String.join(" ", java.util.Arrays.copyOfRange(words, from, to)));
                    if (to == words.length) {
                        break;
                    }
                }
            }
        }
        List<String> windows = new ArrayList<>();
        if (sentences.size() <= 1 || SPACE.split(whole).length <= WINDOW_WORDS * 2) {
            windows.add(whole);
        }
        if (sentences.size() > 1) {
            windows.addAll(sentences);
            // pairs of neighbouring sentences only for answers of a few sentences: a long answer is read sentence by
            // sentence, which keeps its cost in proportion to its length
            for (int i = 0; i + 1 < sentences.size() && sentences.size() <= PAIRS_UP_TO; i++) {
                windows.add(sentences.get(i) + " " + sentences.get(i + 1));
            }
        }
        // a window needs something to read: the embedding model refuses text of spaces and invisible characters
        List<String> distinct = windows.stream().filter(DisclosureMeaning::readable).distinct().toList();
        if (distinct.size() <= MAX_WINDOWS) {
            return distinct;
        }
        // a long answer: every sentence read once, in neighbouring groups just large enough to stay within the cap
        int per = (sentences.size() + MAX_WINDOWS - 1) / MAX_WINDOWS;
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += per) {
            groups.add(String.join(" ", sentences.subList(i, Math.min(sentences.size(), i + per))));
        }
        return groups;
    }
}
