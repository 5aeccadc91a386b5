package org.hymnsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data map for the partnership's data protection officer ({@code docs/data-protection.md}) names every table the
 * migrations create, each with how long it is kept and who can read it: a new table without its row fails the build,
 * and so does a row for a table that no longer exists. Plain file reading, no Spring: surefire runs in the project root.
 */
class DataProtectionDocTest {
    static final Path MIGRATIONS = Path.of("db-migrations");
    static final Path DOC = Path.of("docs", "data-protection.md");
    /** The map's table: these columns, in this order. */
    static final List<String> COLUMNS = List.of("table", "what it holds", "why", "kept for", "who can read it",
            "where it goes");
    /** Rows the map may have without a CREATE TABLE in the migrations: Flyway makes its own table. */
    static final Set<String> NOT_FROM_MIGRATIONS = Set.of("flyway_schema_history");

    private static final String NAME = "(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[A-Za-z_][\\w$]*)";
    private static final String QUALIFIED = "(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)";
    private static final Pattern CREATE = Pattern.compile("\\bCREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?"
            + "(?:(?:TEMPORARY|TEMP|UNLOGGED|CACHED|MEMORY)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QUALIFIED,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP = Pattern.compile("\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + QUALIFIED,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__", Pattern.CASE_INSENSITIVE);
    private static final Pattern CELL_SPLIT = Pattern.compile("(?<!\\\\)\\|");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern SEPARATOR = Pattern.compile("^\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?$");
    private static final Pattern NAME_PART = Pattern.compile(NAME);
    /** What a cell that says nothing looks like (compared stripped and in lower case). */
    private static final Set<String> EMPTY = Set.of("", "-", "–", "—", "todo", "tbd");

    /** A table of the map: its cells by column name, and the line it is on. */
    record DocRow(String table, Map<String, String> cells, int line) {
        String cell(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** Something the map gets wrong about one table. */
    record Gap(String table, String migration, String message) {}

    @Test
    void every_table_the_migrations_create_has_a_row_saying_how_long_it_is_kept_and_who_can_read_it() throws IOException {
        Map<String, String> tables = tablesOf(migrations());
        assertThat(tables).as("tables found in %s", MIGRATIONS).hasSizeGreaterThan(20).containsKeys("response", "audit_event");
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(headers(doc)).as("the column headings of the table map in %s", DOC).contains(COLUMNS);

        List<Gap> gaps = gaps(tables, rows(doc));

        assertThat(gaps).as("tables of %s that %s does not map properly:%n%s", MIGRATIONS, DOC, describe(gaps)).isEmpty();
    }

    @Test
    void every_row_of_the_map_names_a_table_that_exists() throws IOException {
        Map<String, String> tables = tablesOf(migrations());
        Map<String, DocRow> rows = rows(Files.readString(DOC, StandardCharsets.UTF_8));

        List<String> stale = stale(tables, rows);

        assertThat(stale).as("rows of %s for tables no migration in %s creates (or that a later one drops)", DOC, MIGRATIONS)
                .isEmpty();
    }

    @Test
    void a_new_table_missing_from_the_map_is_reported_by_name_with_its_migration() {
        var migrations = new LinkedHashMap<String, String>();
        migrations.put("V0001__start.sql", """
                -- CREATE TABLE in_a_comment (id INT) is not a table
                CREATE TABLE partnership (id BIGINT PRIMARY KEY);
                create table if not exists "Survey" (id BIGINT PRIMARY KEY);
                /* CREATE TABLE in_a_block_comment (id INT); */
                CREATE TABLE public.kiosk (id BIGINT PRIMARY KEY);
                CREATE TABLE scratch (id INT);
                """);
        migrations.put("V0002__more.sql", """
                DROP TABLE IF EXISTS scratch;
                CREATE TABLE IF NOT EXISTS `young_person_mood` (
                    response_id VARCHAR(36) NOT NULL,
                    mood SMALLINT NOT NULL
                );
                """);
        String doc = """
                # Data map

                | table | what it holds | why | kept for | who can read it | where it goes |
                |---|---|---|---|---|---|
                | `partnership` | its name | to own everything | while it uses the app | its staff | nowhere |
                | `survey` | a survey | to run it | until deleted | facilitators | the database |
                | `kiosk` | a device name \\| a PIN hash | kiosks | with the survey | facilitators | the database |
                | `flyway_schema_history` | schema versions | upgrades | always | operators | nowhere |

                Prose with `partnership` in it is not a row.
                """;

        Map<String, String> tables = tablesOf(migrations);
        Map<String, DocRow> rows = rows(doc);
        List<Gap> gaps = gaps(tables, rows);

        assertThat(tables).containsExactly(Map.entry("partnership", "V0001__start.sql"), Map.entry("survey", "V0001__start.sql"),
                Map.entry("kiosk", "V0001__start.sql"), Map.entry("young_person_mood", "V0002__more.sql"));
        assertThat(rows.get("kiosk").cell("what it holds")).isEqualTo("a device name | a PIN hash");
        assertThat(gaps).extracting(Gap::table).containsExactly("young_person_mood");
        assertThat(gaps.getFirst().message()).contains("young_person_mood").contains("V0002__more.sql");
        assertThat(stale(tables, rows)).isEmpty();
        String withStaleRow = doc.replace("| `flyway_schema_history`",
                "| `scratch` | old | old | a week | nobody | nowhere |\n| `flyway_schema_history`");
        assertThat(stale(tables, rows(withStaleRow)))
                .singleElement().asString().contains("scratch");
    }

    @Test
    void a_row_whose_retention_or_readers_are_left_open_is_reported() {
        Map<String, String> tables = tablesOf(Map.of("V0001__start.sql",
                "CREATE TABLE a (id INT); CREATE TABLE b (id INT); CREATE TABLE c (id INT); CREATE TABLE d (id INT);"));
        String doc = """
                | table | what it holds | why | kept for | who can read it | where it goes |
                |---|---|---|---|---|---|
                | `a` | x | y | a year | facilitators | nowhere |
                | `b` | x | y | TODO | facilitators | nowhere |
                | `c` | x | y | a year | - | nowhere |
                | `d` | x | y |   | facilitators | nowhere |
                """;

        List<Gap> gaps = gaps(tables, rows(doc));

        assertThat(gaps).extracting(Gap::table).containsExactly("b", "c", "d");
        assertThat(gaps.get(0).message()).contains("kept for").contains("V0001__start.sql");
        assertThat(gaps.get(1).message()).contains("who can read it");
    }

    // ---- the parsing, in small pieces -------------------------------------------------------------------------

    /** Every migration file's text by file name, in Flyway's order. */
    static Map<String, String> migrations() throws IOException {
        var files = new LinkedHashMap<String, String>();
        try (Stream<Path> list = Files.list(MIGRATIONS)) {
            for (Path p : list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted(Comparator.comparing(f -> order(f.getFileName().toString()))).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** A sort key: versioned migrations by their version's numbers, then anything else by name. */
    static String order(String fileName) {
        Matcher m = VERSION.matcher(fileName);
        if (!m.find()) {
            return "~" + fileName;
        }
        var key = new StringBuilder();
        for (String part : m.group(1).split("[._]")) {
            key.append(String.format("%012d.", Long.parseLong(part)));
        }
        return key + fileName;
    }

    /**
     * The tables the migrations leave, each with the file that created it, in order of creation: every
     * {@code CREATE TABLE [IF NOT EXISTS] name} outside comments, quotes and schema stripped, names lower case; a later
     * {@code DROP TABLE} removes one.
     */
    static Map<String, String> tablesOf(Map<String, String> migrations) {
        var tables = new LinkedHashMap<String, String>();
        for (var file : migrations.entrySet()) {
            String sql = COMMENTS.matcher(file.getValue()).replaceAll(" ");
            var statements = new TreeMap<Integer, Runnable>();
            Matcher create = CREATE.matcher(sql);
            while (create.find()) {
                String table = tableName(create.group(1));
                statements.put(create.start(), () -> tables.putIfAbsent(table, file.getKey()));
            }
            Matcher drop = DROP.matcher(sql);
            while (drop.find()) {
                String table = tableName(drop.group(1));
                statements.put(drop.start(), () -> tables.remove(table));
            }
            statements.values().forEach(Runnable::run);
        }
        return tables;
    }

    /** {@code "Public"."Survey"} → {@code survey}. */
    static String tableName(String qualified) {
        String last = qualified;
        Matcher part = NAME_PART.matcher(qualified);
        while (part.find()) {
            last = part.group();
        }
        return unquote(last).toLowerCase(Locale.ROOT);
    }

    private static String unquote(String name) {
        String n = name.strip();
        if (n.length() >= 2 && (n.startsWith("\"") || n.startsWith("`") || n.startsWith("["))) {
            return n.substring(1, n.length() - 1);
        }
        return n;
    }

    /** The column headings of every markdown table in the document. */
    static List<List<String>> headers(String markdown) {
        var headers = new ArrayList<List<String>>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (isRow(lines.get(i)) && SEPARATOR.matcher(lines.get(i + 1).strip()).matches()) {
                headers.add(cells(lines.get(i)).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
            }
        }
        return headers;
    }

    /**
     * The map's rows by table name: rows of a markdown table whose first heading is "table" and whose first cell is
     * one backticked name, each cell under its column's heading.
     */
    static Map<String, DocRow> rows(String markdown) {
        var rows = new LinkedHashMap<String, DocRow>();
        List<String> lines = markdown.lines().toList();
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!isRow(line)) {
                header = null;
                continue;
            }
            if (header == null) {
                if (i + 1 < lines.size() && SEPARATOR.matcher(lines.get(i + 1).strip()).matches()) {
                    header = cells(line).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                    i++; // the separator
                }
                continue;
            }
            List<String> cells = cells(line);
            Matcher name = BACKTICKED.matcher(cells.isEmpty() ? "" : cells.getFirst());
            if (header.isEmpty() || !header.getFirst().equals("table") || !name.matches()) {
                continue;
            }
            var byColumn = new LinkedHashMap<String, String>();
            for (int c = 0; c < header.size(); c++) {
                byColumn.put(header.get(c), c < cells.size() ? cells.get(c) : "");
            }
            String table = name.group(1).strip().toLowerCase(Locale.ROOT);
            rows.putIfAbsent(table, new DocRow(table, byColumn, i + 1));
        }
        return rows;
    }

    private static boolean isRow(String line) {
        return line.strip().startsWith("|");
    }

    /** A row's cells, stripped; {@code \|} inside a cell is a pipe, not a border. */
    static List<String> cells(String row) {
        String r = row.strip();
        if (r.startsWith("|")) {
            r = r.substring(1);
        }
        if (r.endsWith("|") && !r.endsWith("\\|")) {
            r = r.substring(0, r.length() - 1);
        }
        return List.of(CELL_SPLIT.split(r, -1)).stream().map(c -> c.replace("\\|", "|").strip()).toList();
    }

    /**
     * What the map gets wrong about the migrations' tables, in the migrations' order: a table without a row, or a row
     * whose "kept for" or "who can read it" is empty, a dash or TODO. Each message names the table and its migration.
     */
    static List<Gap> gaps(Map<String, String> tables, Map<String, DocRow> rows) {
        var gaps = new ArrayList<Gap>();
        for (var t : tables.entrySet()) {
            String table = t.getKey();
            String migration = t.getValue();
            DocRow row = rows.get(table);
            if (row == null) {
                gaps.add(new Gap(table, migration, "table `" + table + "` (CREATE TABLE in " + MIGRATIONS + "/" + migration
                        + ") has no row in " + DOC + ": add one to its table map"));
                continue;
            }
            var open = new ArrayList<String>();
            for (String column : List.of("kept for", "who can read it")) {
                if (EMPTY.contains(row.cell(column).strip().toLowerCase(Locale.ROOT))) {
                    open.add("\"" + column + "\"");
                }
            }
            if (!open.isEmpty()) {
                gaps.add(new Gap(table, migration, "table `" + table + "` (CREATE TABLE in " + MIGRATIONS + "/" + migration
                        + "): its row on line " + row.line() + " of " + DOC + " leaves " + String.join(" and ", open)
                        + " empty"));
            }
        }
        return gaps;
    }

    /** Rows for tables the migrations do not leave (Flyway's own table aside), with their lines. */
    static List<String> stale(Map<String, String> tables, Map<String, DocRow> rows) {
        return rows.values().stream()
                .filter(r -> !tables.containsKey(r.table()) && !NOT_FROM_MIGRATIONS.contains(r.table()))
                .map(r -> "`" + r.table() + "` (line " + r.line() + " of " + DOC + ") is created by no migration in "
                        + MIGRATIONS)
                .toList();
    }

    private static String describe(List<Gap> gaps) {
        return String.join(System.lineSeparator(), gaps.stream().map(g -> "  - " + g.message()).toList());
    }
}
