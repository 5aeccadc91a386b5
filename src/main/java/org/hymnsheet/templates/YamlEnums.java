package org.hymnsheet.templates;

import java.util.Arrays;
import java.util.Locale;

/** Values of a closed set (question kinds, stage kinds, audiences) as a practitioner writes them: {@code card-sort}. */
final class YamlEnums {
    private YamlEnums() {}

    /** {@code CARD_SORT} is written {@code card-sort}. */
    static String yamlName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The value the key names, or null when the key is absent (reported if {@code required}) or names none of
     * them, which is reported with the names there are.
     *
     * @param what what the value is, for the problem: "question kind", "audience"
     */
    static <E extends Enum<E>> E read(YamlMap map, String key, E[] values, String what, boolean required,
                                      Problems problems) {
        String name = required ? map.requiredString(key) : map.optionalString(key);
        if (name == null) {
            return null;
        }
        for (E value : values) {
            if (yamlName(value).equals(name)) {
                return value;
            }
        }
        problems.at(map.value(key), "unknown " + what + " \"" + name + "\" (use one of: "
                + String.join(", ", Arrays.stream(values).map(YamlEnums::yamlName).toList()) + ")");
        return null;
    }
}
