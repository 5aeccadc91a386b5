package org.hymnsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hymnsheet.templates.CardSortStage;
import org.hymnsheet.templates.FramingStage;
import org.hymnsheet.templates.LocalizedText;
import org.hymnsheet.templates.MappingStage;
import org.hymnsheet.templates.NeedsStage;
import org.hymnsheet.templates.Option;
import org.hymnsheet.templates.PulseStage;
import org.hymnsheet.templates.Stage;
import org.hymnsheet.templates.VoiceStage;

/**
 * The phone's layout rule, checked in Chromium: nothing scrolls sideways, and no question is cut. Every element
 * that holds question text on the screen (our question paragraphs, headings and prompts, Vaadin field labels with
 * their shadow label part, checkbox and radio labels, the slider's ends) must show all of its text: it is not
 * wider inside than its box, and it is not set to one line (white-space: nowrap) or to end in "…".
 */
final class PhoneLayout {
    private static final String CHECK = """
            () => {
              const doc = document.documentElement;
              const problems = [];
              const checked = [];
              if (doc.scrollWidth > doc.clientWidth) {
                problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
              }
              const shown = e => e.getClientRects().length > 0;
              const look = (box, styled, text) => {
                const cs = getComputedStyle(styled);
                if (box.scrollWidth > box.clientWidth + 1) problems.push('wider than its box: ' + text);
                if (cs.whiteSpace === 'nowrap' || cs.whiteSpace === 'pre') problems.push('on one line: ' + text);
                if (cs.textOverflow === 'ellipsis') problems.push('ends in an ellipsis: ' + text);
                checked.push(text);
              };
              const main = document.querySelector('main');
              for (const e of main.querySelectorAll('h1, h2, h3, p, .question-text, .slider-ends > span, label')) {
                const text = e.textContent.trim();
                if (!text || !shown(e)) continue;
                const box = getComputedStyle(e).display === 'inline' ? e.parentElement : e;
                look(box, e, text);
              }
              for (const field of main.querySelectorAll('vaadin-text-area, vaadin-text-field, vaadin-select, '
                  + 'vaadin-checkbox-group, vaadin-radio-group, vaadin-checkbox, vaadin-radio-button')) {
                if (!shown(field) || !field.shadowRoot) continue;
                const part = field.shadowRoot.querySelector('[part~="label"]');
                const label = field.querySelector(':scope > label');
                if (!part || !label || !label.textContent.trim()) continue;
                look(part, part, label.textContent.trim());
                look(part, label, label.textContent.trim());
              }
              return { problems, checked };
            }""";

    private PhoneLayout() {}

    /** Checks the screen as it is now; returns the texts it checked (each one shown whole). */
    @SuppressWarnings("unchecked")
    static List<String> assertWhole(Page page, String what) {
        var result = (Map<String, Object>) page.evaluate(CHECK);
        assertThat((List<String>) result.get("problems")).as("layout of %s at %dx%d", what,
                page.viewportSize().width, page.viewportSize().height).isEmpty();
        return (List<String>) result.get("checked");
    }

    /** The questions and labels a participant reads on a stage of a template, as the template words them. */
    static List<String> questions(Stage stage) {
        List<LocalizedText> texts = new ArrayList<>(List.of(stage.title(), stage.prompt()));
        switch (stage) {
            case FramingStage s -> texts.addAll(List.of(s.leftLabel(), s.rightLabel(), s.sentencePrompt()));
            case VoiceStage s -> texts.add(s.influencePrompt());
            case CardSortStage s -> {
                texts.addAll(List.of(s.leftLabel(), s.rightLabel()));
                s.contexts().stream().map(Option::label).forEach(texts::add);
            }
            case PulseStage s -> s.questions().forEach(q -> texts.add(q.text()));
            case NeedsStage s -> { }
            case MappingStage s -> { }
        }
        return texts.stream().map(t -> t.in("en")).toList();
    }
}
