package org.hymnsheet.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The standard "about you" questions a survey template may end with ({@code about-you: [age, gender, ...]}): the
 * same ids, options and words in every survey, so findings can count them across surveys and compare them with the
 * area's population. Every one is a single choice, optional like any question, with "Prefer not to say"; the texts
 * are in English and Welsh.
 */
public final class AboutYou {
    /** Own questions may not use ids starting with this: they are kept for the standard ones. */
    public static final String ID_PREFIX = "about-";
    /** The key of a survey template that lists the standard items. */
    static final String KEY = "about-you";
    /** The option every standard question has, for someone who would rather not answer it. */
    public static final String PREFER_NOT = "prefer-not-to-say";

    static final LocalizedText SECTION = text("About you (you can skip these)", "Amdanat ti (gelli di hepgor y rhain)");

    /** The standard items, in the order they are asked. */
    public enum Item {
        AGE("age", "about-age", text("How old are you?", "Faint yw dy oed di?"), null,
                option("11-13", "11 to 13", "11 i 13"),
                option("14-15", "14 or 15", "14 neu 15"),
                option("16-17", "16 or 17", "16 neu 17"),
                option("18-21", "18 to 21", "18 i 21"),
                option("22-25", "22 to 25", "22 i 25")),
        GENDER("gender", "about-gender", text("How do you describe yourself?", "Sut rwyt ti'n disgrifio dy hun?"), null,
                option("girl-woman", "Girl or woman", "Merch neu fenyw"),
                option("boy-man", "Boy or man", "Bachgen neu ddyn"),
                option("non-binary", "Non-binary", "Anneuaidd"),
                option("another-way", "In another way", "Mewn ffordd arall")),
        ETHNICITY("ethnicity", "about-ethnicity", text("What is your ethnic group?", "Beth yw dy grŵp ethnig di?"),
                text("Choose the one that fits you best.", "Dewisa'r un sy'n dy ddisgrifio di orau."),
                option("asian", "Asian or Asian British", "Asiaidd neu Asiaidd Prydeinig"),
                option("black", "Black, Black British, Caribbean or African", "Du, Du Prydeinig, Caribïaidd neu Affricanaidd"),
                option("mixed", "Mixed or more than one ethnic group", "Cymysg neu fwy nag un grŵp ethnig"),
                option("white", "White", "Gwyn"),
                option("other", "Another ethnic group", "Grŵp ethnig arall")),
        DISABILITY("disability", "about-disability",
                text("Do you have a disability or a long-term health condition?",
                        "Oes gen ti anabledd neu gyflwr iechyd tymor hir?"),
                text("Something that makes day-to-day life harder and has lasted, or will last, a year or more.",
                        "Rhywbeth sy'n gwneud bywyd bob dydd yn anoddach ac sydd wedi para, neu a fydd yn para, blwyddyn neu fwy."),
                yesNo("Oes", "Nac oes")),
        CARE("care-experience", "about-care", text("Have you ever been in care?", "Wyt ti erioed wedi bod mewn gofal?"),
                text("For example living with foster carers, in a children's home, or with family or friends because "
                                + "social services arranged it.",
                        "Er enghraifft byw gyda gofalwyr maeth, mewn cartref plant, neu gyda theulu neu ffrindiau "
                                + "oherwydd bod y gwasanaethau cymdeithasol wedi trefnu hynny."),
                yesNo("Ydw", "Nac ydw")),
        CARER("young-carer", "about-carer",
                text("Do you help look after someone in your family who is ill, disabled, or has problems with "
                                + "mental health, drugs or alcohol?",
                        "Wyt ti'n helpu i ofalu am rywun yn dy deulu sy'n sâl, yn anabl, neu sy'n cael trafferth "
                                + "gydag iechyd meddwl, cyffuriau neu alcohol?"),
                null, yesNo("Ydw", "Nac ydw"));

        private final String name;
        private final String questionId;
        private final LocalizedText text;
        private final LocalizedText help;
        private final List<Option> options;

        Item(String name, String questionId, LocalizedText text, LocalizedText help, Option... options) {
            this.name = name;
            this.questionId = questionId;
            this.text = text;
            this.help = help;
            List<Option> all = new ArrayList<>(List.of(options));
            all.add(option(PREFER_NOT, "Prefer not to say", "Gwell gen i beidio â dweud"));
            this.options = List.copyOf(all);
        }

        /** As written in a template's {@code about-you} list. */
        public String templateName() {
            return name;
        }

        /** The fixed question id answers are stored under. */
        public String questionId() {
            return questionId;
        }

        /** The options, "Prefer not to say" last. */
        public List<Option> options() {
            return options;
        }

        /** The standard question, in English and Welsh. */
        public SingleChoice question() {
            return new SingleChoice(questionId, text, help, SECTION, null, options);
        }

        static Optional<Item> named(String name) {
            for (Item item : values()) {
                if (item.name.equals(name)) {
                    return Optional.of(item);
                }
            }
            return Optional.empty();
        }
    }

    private AboutYou() {}

    /** The standard item asked by this question id, if it is one. */
    public static Optional<Item> byQuestionId(String questionId) {
        for (Item item : Item.values()) {
            if (item.questionId.equals(questionId)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static LocalizedText text(String en, String cy) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("en", en);
        texts.put("cy", cy);
        return new LocalizedText(texts);
    }

    private static Option option(String id, String en, String cy) {
        return new Option(id, text(en, cy));
    }

    private static Option[] yesNo(String yesCy, String noCy) {
        return new Option[] {option("yes", "Yes", yesCy), option("no", "No", noCy),
                option("not-sure", "Not sure", "Ddim yn siŵr")};
    }

    /**
     * The standard questions a template's {@code about-you} list asks for, in its texts' languages, or none after
     * reporting what is wrong: not a list, an unknown item, an item twice or out of order, or a template in a
     * language the standard texts do not have.
     */
    static List<Question> read(Node value, List<String> languages, Problems problems) {
        if (value == null) {
            return List.of();
        }
        String names = String.join(", ", List.of(Item.values()).stream().map(Item::templateName).toList());
        if (!(value instanceof SequenceNode list)) {
            problems.at(value, "\"" + KEY + "\" should be a list of the standard questions to ask, like [age, gender] "
                    + "(choose from, in this order: " + names + ")");
            return List.of();
        }
        int before = problems.count();
        for (String language : languages) {
            if (!language.equals("en") && !language.equals("cy")) {
                problems.at(value, "the \"" + KEY + "\" questions are written in English and Welsh only, but this "
                        + "survey is also in \"" + language + "\"");
            }
        }
        List<Item> items = new ArrayList<>();
        for (Node node : list.getValue()) {
            String name = YamlMap.scalar(node);
            Optional<Item> item = name == null ? Optional.empty() : Item.named(name);
            if (item.isEmpty()) {
                problems.at(node, "\"" + (name == null ? "" : name) + "\" is not a standard \"" + KEY
                        + "\" question (use: " + names + ")");
            } else if (items.contains(item.get())) {
                problems.at(node, "\"" + name + "\" is listed twice in \"" + KEY + "\"");
            } else if (!items.isEmpty() && items.getLast().compareTo(item.get()) > 0) {
                problems.at(node, "\"" + name + "\" comes before \"" + items.getLast().templateName()
                        + "\": list the \"" + KEY + "\" questions in this order: " + names);
            } else {
                items.add(item.get());
            }
        }
        if (problems.count() > before) {
            return List.of();
        }
        return items.stream().<Question>map(item -> inLanguages(item.question(), languages)).toList();
    }

    /** Reports each own question whose id starts with "about-", at the line of its id. */
    static void checkOwnIds(List<Node> questions, Problems problems) {
        for (Node question : questions) {
            if (question instanceof MappingNode map) {
                for (NodeTuple entry : map.getValue()) {
                    String id = YamlMap.scalar(entry.getValueNode());
                    if ("id".equals(YamlMap.scalar(entry.getKeyNode())) && id != null && id.startsWith(ID_PREFIX)) {
                        problems.at(entry.getValueNode(), "question id \"" + id + "\" starts with \"" + ID_PREFIX
                                + "\", which is kept for the standard questions: ask them with \"" + KEY
                                + ": [...]\" or choose another id");
                    }
                }
            }
        }
    }

    private static SingleChoice inLanguages(SingleChoice q, List<String> languages) {
        return new SingleChoice(q.id(), only(q.text(), languages), q.help() == null ? null : only(q.help(), languages),
                only(q.section(), languages), null,
                q.options().stream().map(o -> new Option(o.id(), only(o.label(), languages))).toList());
    }

    private static LocalizedText only(LocalizedText text, List<String> languages) {
        Map<String, String> kept = new LinkedHashMap<>();
        text.byLanguage().forEach((language, words) -> {
            if (languages.contains(language)) {
                kept.put(language, words);
            }
        });
        return new LocalizedText(kept);
    }
}
