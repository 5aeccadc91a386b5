package org.hymnsheet.surveys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.common.ui.Links;
import org.hymnsheet.security.Role;
import org.hymnsheet.surveys.Survey;
import org.hymnsheet.surveys.SurveyAction;
import org.hymnsheet.surveys.YouSaidService;

/**
 * Leads write what the partnership did after a survey, and share the survey's public "you said, we did" page: its
 * link to copy and its QR code to show or download.
 */
@Route("we-did")
@RolesAllowed({Role.Names.LEAD, Role.Names.ADMIN})
public class WeDidView extends Main implements HasDynamicTitle {
    private final transient YouSaidService youSaid;
    private final Select<Survey> survey = new Select<>();
    private final Div details = new Div();

    WeDidView(YouSaidService youSaid, AccountService accounts) {
        this.youSaid = youSaid;
        addClassName("page");
        survey.setLabel(getTranslation("weDid.survey"));
        survey.setItems(youSaid.surveys(accounts.me().partnershipId()));
        survey.setItemLabelGenerator(Survey::title);
        survey.setEmptySelectionAllowed(false);
        survey.setId("we-did-survey");
        survey.addValueChangeListener(e -> show(e.getValue()));
        add(new H1(getTranslation("weDid.heading")), new Paragraph(getTranslation("weDid.intro")), survey, details);
    }

    private void show(Survey chosen) {
        details.removeAll();
        if (chosen == null) {
            return;
        }
        String link = Links.base() + "you-said/" + youSaid.resultsToken(chosen.id());
        var address = new TextField(getTranslation("weDid.link"));
        address.setValue(link);
        address.setReadOnly(true);
        address.setWidthFull();
        address.setId("we-did-link");
        var copy = new Button(getTranslation("weDid.copy"), e -> {
            e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard.writeText($0)", link));
            Forms.done(this, "weDid.copied");
        });
        copy.setId("we-did-copy");
        var open = new Anchor(link, getTranslation("weDid.open"));
        open.setTarget("_blank");
        open.setId("we-did-open");
        byte[] png = youSaid.qrCode(chosen.id(), link);
        var qr = new Image(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(png),
                "you-said-qr.png", "image/png", png.length)), getTranslation("weDid.qrAlt", chosen.title()));
        qr.addClassName("qr-code");
        var download = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(png),
                "you-said-we-did-" + chosen.id() + ".png", "image/png", png.length)), getTranslation("weDid.downloadQr"));
        download.setId("we-did-qr-download");
        var share = new Div(copy, open, download);
        share.addClassName("form-actions");
        details.add(new H2(chosen.title()), address, share, qr, entries(chosen));
    }

    private Div entries(Survey chosen) {
        var box = new Div(new H2(getTranslation("weDid.entries")));
        var list = new UnorderedList();
        list.setId("we-did-entries");
        for (SurveyAction action : youSaid.actions(chosen.id())) {
            list.add(new ListItem(entry(chosen, action)));
        }
        var body = new TextArea(getTranslation("weDid.new"));
        body.setMaxLength(YouSaidService.ACTION_MAX);
        body.setWidthFull();
        body.setId("we-did-body");
        var add = new Button(getTranslation("weDid.add"), e -> {
            if (Forms.save(this, Map.of("body", body), () -> youSaid.addAction(chosen.id(), body.getValue()))) {
                Forms.done(this, "weDid.added");
                show(chosen);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("we-did-add");
        box.add(list, body, add);
        return box;
    }

    private Div entry(Survey chosen, SurveyAction action) {
        var text = new TextArea();
        text.setAriaLabel(getTranslation("weDid.edit"));
        text.setMaxLength(YouSaidService.ACTION_MAX);
        text.setValue(action.body());
        text.setWidthFull();
        var save = new Button(getTranslation("weDid.save"), e -> {
            if (Forms.save(this, Map.of("body", text), () -> youSaid.editAction(action.id(), text.getValue()))) {
                Forms.done(this, "weDid.saved");
            }
        });
        var delete = new Button(getTranslation("weDid.delete"), e -> {
            youSaid.deleteAction(action.id());
            show(chosen);
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var actions = new Div(save, delete);
        actions.addClassName("form-actions");
        return new Div(text, actions);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("weDid.heading") + " | " + getTranslation("app.name");
    }
}
