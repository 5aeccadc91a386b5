package org.hymnsheet.surveys;

import java.util.function.Supplier;
import org.hymnsheet.accounts.TestWorld;
import org.hymnsheet.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Things of partnership P for the access matrix to aim at, made by P's own staff and then handed over. */
public final class SurveyTargets {
    private final ApplicationContext context;
    private final TestWorld world;
    private final long partnership;

    public SurveyTargets(ApplicationContext context, TestWorld world, long partnership) {
        this.context = context;
        this.world = world;
        this.partnership = partnership;
    }

    /** An open safe-places survey of P. */
    public Survey survey() {
        return asP(Role.FACILITATOR, () -> {
            var surveys = context.getBean(SurveyService.class);
            return surveys.open(surveys.create(partnership, "safe-places", TestWorld.unique("Survey")).id());
        });
    }

    public SurveyEntry entry() {
        return context.getBean(ResponseService.class).openByLink(survey().linkToken());
    }

    /** A started response to an open survey of P. */
    public String response() {
        return context.getBean(ResponseService.class).start(entry(), "en");
    }

    /** The id of a submitted free-text answer waiting for moderation in P. */
    public long pendingText() {
        return waitingText().id();
    }

    /** A submitted free-text answer waiting for moderation in P, as the moderation list shows it. */
    public PendingText waitingText() {
        var responses = context.getBean(ResponseService.class);
        String id = responses.start(entry(), "en");
        String body = TestWorld.unique("More lights please");
        responses.save(id, "anything-else", new AnswerInput.Text(body));
        responses.submit(id);
        return asP(Role.FACILITATOR, () -> context.getBean(QueueService.class).pendingTexts(partnership, 0, 500).stream()
                .filter(t -> t.body().equals(body)).findFirst().orElseThrow());
    }

    /** The id of an open safeguarding flag in P. */
    public long flag() {
        var responses = context.getBean(ResponseService.class);
        String id = responses.start(entry(), "en");
        String body = "he hurts me " + TestWorld.unique("");
        responses.save(id, "anything-else", new AnswerInput.Text(body));
        return asP(Role.SAFEGUARDING_LEAD, () -> context.getBean(QueueService.class).safeguardingQueue(partnership, 0, 500).stream()
                .filter(f -> f.body().equals(body)).findFirst().orElseThrow().id());
    }

    /** The id of a "we did" entry a lead of P wrote on a survey of P. */
    public long action() {
        long survey = survey().id();
        return asP(Role.LEAD, () -> context.getBean(YouSaidService.class).addAction(survey, TestWorld.unique("We did")).id());
    }

    private <T> T asP(Role role, Supplier<T> action) {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        try {
            TestWorld.as(world.account(partnership, role));
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(caller);
        }
    }
}
