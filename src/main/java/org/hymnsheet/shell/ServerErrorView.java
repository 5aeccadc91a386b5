package org.hymnsheet.shell;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Any unexpected failure while opening a page: logged with a reference the user can quote. */
@AnonymousAllowed
public class ServerErrorView extends ErrorPage implements HasErrorParameter<Exception> {
    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {} opening {}", reference, event.getLocation().getPath(), parameter.getCaughtException());
        show("error.title", "error.message");
        var ref = new Paragraph(getTranslation("error.reference", reference));
        ref.addClassName("error-reference");
        add(ref);
        withHomeLink();
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
