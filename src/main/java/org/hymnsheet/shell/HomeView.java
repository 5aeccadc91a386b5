package org.hymnsheet.shell;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.security.Role;
import org.hymnsheet.security.Staff;

/** Where staff land after sign-in: who they are, where they work, what they can do next. */
@Route("")
@PermitAll
public class HomeView extends Main implements HasDynamicTitle {

    HomeView(AccountService accounts, PartnershipService partnerships) {
        addClassName("page");
        Staff me = accounts.me();
        String roles = me.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                .collect(Collectors.joining(", "));
        add(new H1(getTranslation("home.welcome", me.displayName())),
                new Paragraph(getTranslation("home.partnership", partnerships.get(me.partnershipId()).name())),
                new Paragraph(getTranslation("home.roles", roles)));
        if (me.has(Role.ADMIN)) {
            add(new Paragraph(getTranslation("home.admin")));
        }
        add(new Paragraph(getTranslation("home.next")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " | " + getTranslation("app.name");
    }
}
