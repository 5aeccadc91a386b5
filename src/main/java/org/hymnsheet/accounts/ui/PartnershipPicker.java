package org.hymnsheet.accounts.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.function.LongConsumer;
import org.hymnsheet.accounts.Partnership;
import org.hymnsheet.accounts.PartnershipService;

/**
 * Which partnership the administration pages work on. Visible only to platform administrators, who manage
 * several; everyone else always works on their own. The choice lasts for the session.
 */
class PartnershipPicker extends ComboBox<Partnership> {
    private static final String KEY = "hymnsheet.partnership";

    PartnershipPicker(PartnershipService partnerships, long ownPartnershipId, LongConsumer onChange) {
        super();
        setLabel(getTranslation("partnership.picker"));
        setItemLabelGenerator(Partnership::name);
        setWidth("24rem");
        List<Partnership> available = partnerships.available();
        setItems(available);
        long current = current(ownPartnershipId);
        available.stream().filter(p -> p.id() == current).findFirst()
                .or(() -> available.stream().findFirst()).ifPresent(this::setValue);
        setVisible(available.size() > 1);
        addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                VaadinSession.getCurrent().setAttribute(KEY, e.getValue().id());
                onChange.accept(e.getValue().id());
            }
        });
    }

    static long current(long ownPartnershipId) {
        Object chosen = VaadinSession.getCurrent().getAttribute(KEY);
        return chosen instanceof Long id ? id : ownPartnershipId;
    }

    long selectedId() {
        return getValue() == null ? -1 : getValue().id();
    }
}
