package org.hymnsheet.workshops.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.hymnsheet.common.ui.Forms;
import org.hymnsheet.workshops.Card;
import org.hymnsheet.workshops.CardService;
import org.hymnsheet.workshops.Workshop;
import org.hymnsheet.workshops.WorkshopService;

/**
 * The cards of the behaviour-based or ecological stage: add one, edit the chosen one (a conflict with someone
 * else's edit shows theirs), or import the cards of an earlier workshop of the partnership.
 */
final class CardsEditor extends ConsolePanel {
    private final transient CardService cards;
    private final transient WorkshopService workshops;
    private final Workshop workshop;
    private final Grid<Card> cardGrid = new Grid<>();
    private final TextField newCard = new TextField();
    private final TextField editCard = new TextField();
    private final Select<Workshop> importFrom = new Select<>();

    CardsEditor(CardService cards, WorkshopService workshops, Workshop workshop, Consumer<Runnable> act) {
        super(null, act);
        this.cards = cards;
        this.workshops = workshops;
        this.workshop = workshop;
        cardGrid.addColumn(Card::text).setHeader(getTranslation("console.card")).setFlexGrow(1);
        cardGrid.setAllRowsVisible(true);
        cardGrid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        cardGrid.setId("cards");
        cardGrid.setEmptyStateText(getTranslation("console.noCards"));
        cardGrid.asSingleSelect().addValueChangeListener(e ->
                editCard.setValue(e.getValue() == null ? "" : e.getValue().text()));
        newCard.setLabel(getTranslation("console.newCard"));
        newCard.setMaxLength(300);
        newCard.setId("card-new");
        var add = new Button(getTranslation("console.addCard"), e -> add());
        add.setId("card-add");
        editCard.setLabel(getTranslation("console.editCard"));
        editCard.setMaxLength(300);
        editCard.setId("card-edit");
        var save = new Button(getTranslation("console.saveCard"), e -> saveEdit());
        save.setId("card-save");
        importFrom.setLabel(getTranslation("console.importFrom"));
        importFrom.setItemLabelGenerator(Workshop::title);
        importFrom.setId("card-import-from");
        var doImport = new Button(getTranslation("console.import"), e -> importCards());
        doImport.setId("card-import");
        changes(newCard, add, editCard, save, importFrom, doImport);
        add(cardGrid, row(newCard, add), row(editCard, save), row(importFrom, doImport));
        refresh();
    }

    private void add() {
        if (Forms.save(this, Map.of("text", newCard), () -> cards.add(workshop.id(), newCard.getValue()))) {
            newCard.clear();
            refresh();
        }
    }

    private void saveEdit() {
        Card card = cardGrid.asSingleSelect().getValue();
        if (card == null) {
            editCard.setErrorMessage(getTranslation("console.chooseCard"));
            editCard.setInvalid(true);
            return;
        }
        // saved or not, the grid shows the cards as they now are (after a conflict: what the other person saved)
        Forms.save(this, Map.of("text", editCard), () -> cards.edit(card.id(), editCard.getValue(), card.version()));
        refresh();
    }

    private void importCards() {
        Workshop from = importFrom.getValue();
        if (from == null) {
            importFrom.setErrorMessage(getTranslation("workshops.importSamePartnership"));
            importFrom.setInvalid(true);
            return;
        }
        int[] added = new int[1];
        if (Forms.save(this, Map.of("from", importFrom), () -> added[0] = cards.importFrom(workshop.id(), from.id()))) {
            Notification.show(getTranslation("console.imported", added[0]), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        }
    }

    private void refresh() {
        cardGrid.setItems(cards.cards(workshop.id()));
        editCard.clear();
        importFrom.setItems(workshops.list(workshop.partnershipId()).stream()
                .filter(w -> w.id() != workshop.id()).toList());
    }

    private static Div row(com.vaadin.flow.component.Component... parts) {
        var row = new Div(parts);
        row.addClassName("form-actions");
        return row;
    }
}
