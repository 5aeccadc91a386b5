package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import org.hymnsheet.common.Suppression.Shown;
import org.hymnsheet.surveys.SurveyAction;
import org.hymnsheet.surveys.YouSaid;
import org.hymnsheet.surveys.YouSaidService;

/**
 * "You said, we did": a survey's results for the young people who answered it, opened by its own link or QR code
 * on a youth-club screen or a phone, without an account. In the browser's language, or the one chosen with
 * {@code ?lang=}. Every text young people wrote is shown as text, never as markup.
 */
@Route(value = "you-said/:token", autoLayout = false)
@AnonymousAllowed
public class YouSaidView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    static final String LANGUAGE = "lang";

    private final transient YouSaidService youSaid;
    private String title;

    YouSaidView(YouSaidService youSaid) {
        this.youSaid = youSaid;
        addClassName("respondent-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RespondentPage.speakTheBrowsersLanguage(event.getUI());
        List<String> asked = event.getLocation().getQueryParameters().getParameters().get(LANGUAGE);
        if (asked != null && (asked.contains("cy") || asked.contains("en"))) {
            RespondentPage.setLanguage(event.getUI(), asked.contains("cy") ? "cy" : "en");
        }
        String token = event.getRouteParameters().get("token").orElse(null);
        removeAll();
        youSaid.page(token, event.getUI().getLocale().getLanguage()).ifPresentOrElse(page -> show(event.getUI(), page, token), this::notFound);
    }

    private void show(UI ui, YouSaid page, String token) {
        title = page.title();
        Locale locale = Locale.forLanguageTag(page.language());
        RespondentPage.setLanguage(ui, page.language());
        var main = new Main();
        main.addClassName("respondent");
        main.addClassName("you-said");
        var heading = new H1(page.title());
        heading.setId("you-said-title");
        main.add(languages(page, token), heading, new Paragraph(getTranslation("youSaid.intro")));

        var told = new Section(new H2(getTranslation("youSaid.told")));
        told.setId("you-told-us");
        var answered = new Paragraph(getTranslation("youSaid.answered", page.answered().label(locale)));
        answered.setId("you-said-answered");
        answered.addClassName("you-said-headline");
        told.add(answered);
        for (YouSaid.Topic topic : page.topics()) {
            told.add(topic(topic, locale));
        }
        if (!page.quotes().isEmpty()) {
            var quotes = new UnorderedList();
            quotes.addClassName("you-said-quotes");
            page.quotes().forEach(q -> quotes.add(new ListItem(q)));
            told.add(new H3(getTranslation("youSaid.quotes")), quotes);
        }
        told.add(new Paragraph(getTranslation("youSaid.rule")));

        var did = new Section(new H2(getTranslation("youSaid.did")));
        did.setId("we-did");
        if (page.actions().isEmpty()) {
            did.add(new Paragraph(getTranslation("youSaid.nothingYet")));
        } else {
            var list = new UnorderedList();
            list.addClassName("you-said-actions");
            for (SurveyAction action : page.actions()) {
                list.add(new ListItem(action.body()));
            }
            did.add(list);
        }
        main.add(told, did);
        add(main);
    }

    private Div topic(YouSaid.Topic topic, Locale locale) {
        String heading = switch (topic.kind()) {
            case QUESTION -> topic.heading();
            case PLACES_SAFE -> getTranslation("youSaid.placesSafe");
            case PLACES_UNSAFE -> getTranslation("youSaid.placesUnsafe");
        };
        // shown counts one per line; every hidden one in a single line, in the rule's words, so a small survey's
        // page is not a wall of "fewer than 5"
        List<YouSaid.Line> shown = topic.lines().stream().filter(l -> l.count() instanceof Shown.Exact).toList();
        boolean anyHidden = shown.size() < topic.lines().size();
        var list = new UnorderedList();
        list.addClassName("you-said-counts");
        for (YouSaid.Line line : shown) {
            String label = topic.kind() != YouSaid.Kind.QUESTION && line.id().equals("elsewhere")
                    ? getTranslation("respond.elsewhere") : line.label();
            var count = new Span(line.count().label(locale));
            count.addClassName("you-said-number");
            list.add(new ListItem(new Span(label + ": "), count));
        }
        if (anyHidden) {
            var rest = new ListItem(getTranslation(shown.isEmpty() ? "youSaid.allHidden" : "youSaid.otherHidden",
                    Shown.HIDDEN.label(locale)));
            rest.addClassName("you-said-hidden");
            list.add(rest);
        }
        var box = new Div(new H3(heading), list);
        box.addClassName("you-said-topic");
        return box;
    }

    /** A link to the page in each other language the survey has, in that language's own words. */
    private Div languages(YouSaid page, String token) {
        var box = new Div();
        box.addClassName("you-said-languages");
        for (String language : page.languages()) {
            if (!language.equals(page.language())) {
                var link = new Anchor("you-said/" + token + "?" + LANGUAGE + "=" + language,
                        getTranslation(Locale.forLanguageTag(language), "language." + language));
                link.getElement().setAttribute("lang", language);
                link.getElement().setAttribute("hreflang", language);
                link.setId("you-said-language-" + language);
                box.add(link);
            }
        }
        return box;
    }

    private void notFound() {
        title = getTranslation("youSaid.notFoundTitle");
        var box = new Main(new H1(title), new Paragraph(getTranslation("youSaid.notFound")));
        box.addClassName("narrow-page");
        add(box);
    }

    @Override
    public String getPageTitle() {
        return (title == null ? "" : title + " | ") + getTranslation("app.name");
    }
}
