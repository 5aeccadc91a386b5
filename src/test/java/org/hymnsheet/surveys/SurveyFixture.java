package org.hymnsheet.surveys;


import java.util.List;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationContext;

/** A partnership with places, a facilitator and an open survey of a shipped template, for survey tests. */
final class SurveyFixture {
    final TestWorld world;
    final long partnership;
    final TestWorld.Persona facilitator;
    final List<Long> places;
    final Survey survey;

    SurveyFixture(ApplicationContext context, String templateId) {
        world = new TestWorld(context);
        partnership = world.partnership();
        facilitator = world.account(partnership, Role.FACILITATOR);
        places = List.of(world.place(partnership), world.place(partnership));
        TestWorld.as(facilitator);
        SurveyService surveys = context.getBean(SurveyService.class);
        survey = surveys.open(surveys.create(partnership, templateId, TestWorld.unique("Survey")).id());
        TestWorld.anonymous();
    }

    String placeRef(int i) {
        return String.valueOf(places.get(i));
    }

    static long otherPartnershipPlace(ApplicationContext context) {
        var world = new TestWorld(context);
        return world.place(world.partnership());
    }

    static int count(DSLContext db, org.jooq.Table<?> table, org.jooq.Condition condition) {
        return db.fetchCount(table, condition);
    }

}
