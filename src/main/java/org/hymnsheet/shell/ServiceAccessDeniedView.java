package org.hymnsheet.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** A service refused while a page was being built (for example another partnership's id in the address). */
@AnonymousAllowed
public class ServiceAccessDeniedView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("error.forbidden.title", "error.forbidden.message");
        withHomeLink();
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
