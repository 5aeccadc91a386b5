package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
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
public class JoinCodeView extends JoinPage {
    private TextField code;

    JoinCodeView(ParticipantService participants) {
        super(participants);
    }

    @Override
    void enter(String ignored) {
        code = JoinCodeForm.show(main, title, null, this::tryCode);
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
}
