package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.hymnsheet.common.ui.ClientKeys;
import org.hymnsheet.shell.FirstPaint;
import org.hymnsheet.workshops.JoinResult;
import org.hymnsheet.workshops.ParticipantService;

/**
 * {@code /join}: a participant without the QR code types the workshop's code. A right code goes on to
 * {@code /join/<code>} ({@link JoinView}: who they are), by its path: the agency list and the level choice are not
 * this page's, so its first screen stays light on a phone (decision 0035).
 */
@FirstPaint.InPageHtml
@Route(value = "join", autoLayout = false)
@AnonymousAllowed
public class JoinCodeView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private final transient ParticipantService participants;
    private final Main main = new Main();
    private TextField code;

    JoinCodeView(ParticipantService participants) {
        this.participants = participants;
        addClassName("respondent-page");
        main.addClassNames("respondent", "phone");
        main.setId("join");
        add(main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ParticipantCookies.speakEnglish(event.getUI());
        code = JoinCodeForm.show(main, getTranslation("join.title"), null, this::tryCode);
    }

    private void tryCode(String typed) {
        String normalised = ParticipantCookies.code(typed);
        JoinResult result = participants.open(typed == null ? "" : typed, ClientKeys.current());
        if (!result.joined() || normalised == null) {
            JoinCodeForm.refuse(code, getTranslation("workshops.join." + result.outcome().name()));
            return;
        }
        UI ui = UI.getCurrent();
        if (ParticipantCookies.token(normalised) != null && participants.rejoin(ParticipantCookies.token(normalised)).isPresent()) {
            ui.getPage().setLocation("w/" + normalised); // this device joined already
        } else {
            ui.navigate("join/" + normalised);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("join.title") + " | " + getTranslation("app.name");
    }
}
