package org.hymnsheet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The Big List of Naughty Strings (MIT), for the bad-input tests of every text field. */
public final class Blns {
    private Blns() {}

    public static List<String> strings() {
        try (InputStream in = Blns.class.getResourceAsStream("/blns.json")) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
