package org.hymnsheet.accounts.ui;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.Place;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.accounts.PlaceKind;
import org.hymnsheet.security.Role;

@Route("admin/places")
@RolesAllowed(Role.Names.ADMIN)
public class PlacesView extends DirectoryView<Place, PlaceKind> {

    PlacesView(DirectoryService directory, PartnershipService partnerships, AccountService accounts) {
        super("places", PlaceKind.class, "placeKind.", partnerships, accounts.me().partnershipId(), new Ops<>() {
            @Override
            public List<Place> list(long partnershipId) {
                return directory.places(partnershipId);
            }

            @Override
            public void create(long partnershipId, String name, String shortName, PlaceKind kind) {
                directory.createPlace(partnershipId, name, kind);
            }

            @Override
            public void update(Place place, String name, String shortName, PlaceKind kind) {
                directory.updatePlace(place.id(), name, kind, place.version());
            }

            @Override
            public void remove(Place place) {
                directory.deletePlace(place.id());
            }

            @Override
            public String nameOf(Place place) {
                return place.name();
            }

            @Override
            public PlaceKind categoryOf(Place place) {
                return place.kind();
            }
        });
    }
}
