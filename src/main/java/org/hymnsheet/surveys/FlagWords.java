package org.hymnsheet.surveys;

import java.util.Arrays;
import java.util.List;

/** Turns a stored flag into what a lead reads: its kinds of harm as the indicator file names them, and how it was found. */
final class FlagWords {
    private FlagWords() {}

    static FlaggedText of(FlagRepository.FlagRow r, DisclosureDetector detector) {
        return new FlaggedText(r.id(), r.surveyTitle(), r.workshopTitle(), r.deviceLabel(), r.flaggedAt(), r.body(),
                r.earlier(), r.indicators(), categories(r, detector), found(r), r.sentBy(), r.sentAt(), r.reason(),
                r.openedBy(), r.openedAt(), r.status(), r.handledBy(), r.handledAt(), r.note());
    }

    /**
     * The labels of the stored category ids; a flag from before categories were stored (or a person's flag without
     * them) has its words checked again by the indicator list, which finds the same categories its phrases belong to.
     */
    static List<String> categories(FlagRepository.FlagRow r, DisclosureDetector detector) {
        return categories(r.categories(), r.body(), detector);
    }

    /** The labels of stored category ids (null: worked out again from the words by the indicator list). */
    static List<String> categories(String storedIds, String body, DisclosureDetector detector) {
        List<String> ids = storedIds == null
                ? detector.check(body).categories()
                : Arrays.stream(storedIds.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
        return ids.stream().map(id -> detector.indicators().label(id)).distinct().toList();
    }

    private static FlaggedText.Found found(FlagRepository.FlagRow r) {
        if ("PERSON".equals(r.source())) {
            return FlaggedText.Found.PERSON;
        }
        return r.detection() == null ? FlaggedText.Found.LIST : FlaggedText.Found.valueOf(r.detection());
    }
}
