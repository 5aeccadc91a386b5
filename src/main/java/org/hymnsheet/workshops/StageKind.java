package org.hymnsheet.workshops;

import org.hymnsheet.templates.CardSortStage;
import org.hymnsheet.templates.FramingStage;
import org.hymnsheet.templates.MappingStage;
import org.hymnsheet.templates.NeedsStage;
import org.hymnsheet.templates.PulseStage;
import org.hymnsheet.templates.Stage;
import org.hymnsheet.templates.VoiceStage;

/** The closed set of stage kinds, as stored in {@code workshop_stage.kind}. */
public enum StageKind {
    FRAMING(FramingStage.class),
    VOICE(VoiceStage.class),
    CARD_SORT(CardSortStage.class),
    PULSE(PulseStage.class),
    NEEDS(NeedsStage.class),
    MAPPING(MappingStage.class);

    private final Class<? extends Stage> type;

    StageKind(Class<? extends Stage> type) {
        this.type = type;
    }

    Class<? extends Stage> type() {
        return type;
    }

    static StageKind of(Stage stage) {
        return switch (stage) {
            case FramingStage s -> FRAMING;
            case VoiceStage s -> VOICE;
            case CardSortStage s -> CARD_SORT;
            case PulseStage s -> PULSE;
            case NeedsStage s -> NEEDS;
            case MappingStage s -> MAPPING;
        };
    }
}
