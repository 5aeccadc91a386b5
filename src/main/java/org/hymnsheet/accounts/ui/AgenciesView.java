package org.hymnsheet.accounts.ui;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.hymnsheet.accounts.AccountService;
import org.hymnsheet.accounts.Agency;
import org.hymnsheet.accounts.DirectoryService;
import org.hymnsheet.accounts.PartnershipService;
import org.hymnsheet.accounts.Sector;
import org.hymnsheet.security.Role;

@Route("admin/agencies")
@RolesAllowed(Role.Names.ADMIN)
public class AgenciesView extends DirectoryView<Agency, Sector> {

    AgenciesView(DirectoryService directory, PartnershipService partnerships, AccountService accounts) {
        super("agencies", Sector.class, "sector.", partnerships, accounts.me().partnershipId(), new Ops<>() {
            @Override
            public List<Agency> list(long partnershipId) {
                return directory.agencies(partnershipId);
            }

            @Override
            public void create(long partnershipId, String name, String shortName, Sector sector) {
                directory.createAgency(partnershipId, name, shortName, sector);
            }

            @Override
            public void update(Agency agency, String name, String shortName, Sector sector) {
                directory.updateAgency(agency.id(), name, shortName, sector, agency.version());
            }

            @Override
            public boolean hasShortNames() {
                return true;
            }

            @Override
            public String shortNameOf(Agency agency) {
                return agency.shortName();
            }

            @Override
            public void remove(Agency agency) {
                directory.deleteAgency(agency.id());
            }

            @Override
            public String nameOf(Agency agency) {
                return agency.name();
            }

            @Override
            public Sector categoryOf(Agency agency) {
                return agency.sector();
            }
        });
    }
}
