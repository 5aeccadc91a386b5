package org.hymnsheet.workshops;

import org.hymnsheet.templates.Stage;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template's stage is copied into the workshop as JSON at creation, so a later edit of the template file never
 * changes a running or ended workshop. The kind column says which record the JSON is.
 */
final class StageCopies {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StageCopies() {}

    static String write(Stage stage) {
        return JSON.writeValueAsString(stage);
    }

    static Stage read(StageKind kind, String json) {
        return JSON.readValue(json, kind.type());
    }
}
