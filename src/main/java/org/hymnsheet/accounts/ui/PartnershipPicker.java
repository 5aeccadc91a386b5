package org.hymnsheet.accounts.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import java.util.function.LongConsumer;
import org.hymnsheet.accounts.Partnership;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.common.ui.PickedPartnership;

/**
 * Which partnership the administration pages work on. Visible only to platform administrators, who manage
 * several; everyone else always works on their own. The choice lasts for the session.
 */
class PartnershipPicker extends ComboBox<Partnership> {
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
                PickedPartnership.pick(e.getValue().id());
                onChange.accept(e.getValue().id());
            }
        });
    }

    static long current(long ownPartnershipId) {
        return PickedPartnership.current(ownPartnershipId);
    }

    long selectedId() {
        return getValue() == null ? -1 : getValue().id();
    }
}
