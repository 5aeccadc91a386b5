package org.hymnsheet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the preloads are read from a bundle; {@code SecurityHeadersTest} checks them on the real bundle over HTTP. */
class FirstScreenScriptsTest {

    static final String ROUTE_KEY = FirstScreenScripts.key(FirstScreenScriptsTest.class);

    @Test
    void flows_scripts_their_static_imports_and_each_routes_chunk_with_what_it_needs_are_found() {
        var bundle = Map.of(
                "indexhtml-A.js", "import{a}from\"./chunk-shared.js\";const f=()=>import(`./FlowBootstrap-B.js`),"
                        + "g=()=>import(`./FlowClient-C.js`),h=()=>import(`./generated-flow-imports-D.js`);",
                "chunk-shared.js", "export const a=1;",
                "FlowBootstrap-B.js", "import{a}from\"./chunk-shared.js\";",
                "FlowClient-C.js", "import{a}from\"./chunk-shared.js\";",
                "generated-flow-imports-D.js", "const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=[\"./chunk-"
                        + ROUTE_KEY + "-E.js\",\"./vaadin-button-F.js\",\"./other-G.js\"])))=>i.map(i=>d[i]);"
                        + "import\"./vaadin-app-layout-H.js\";const l=async e=>{const t=[];e===`" + ROUTE_KEY
                        + "`&&t.push(c(()=>import(`./chunk-" + ROUTE_KEY + "-E.js`),__vite__mapDeps([0,1]),import.meta.url));}",
                "chunk-" + ROUTE_KEY + "-E.js", "import\"./lit-I.js\";",
                "vaadin-button-F.js", "", "other-G.js", "", "vaadin-app-layout-H.js", "", "lit-I.js", "");
        var scripts = new FirstScreenScripts(bundle);

        assertThat(scripts.forRoute(FirstScreenScriptsTest.class)).containsExactlyInAnyOrder("FlowBootstrap-B.js",
                "chunk-shared.js", "FlowClient-C.js", "generated-flow-imports-D.js", "vaadin-app-layout-H.js",
                "chunk-" + ROUTE_KEY + "-E.js", "vaadin-button-F.js", "lit-I.js");
        assertThat(scripts.hasChunk(FirstScreenScriptsTest.class)).isTrue();
        assertThat(scripts.hasChunk(String.class)).isFalse();
        assertThat(scripts.forRoute(String.class)).doesNotContain("other-G.js", "vaadin-button-F.js");
    }

    @Test
    void without_a_production_bundle_nothing_is_preloaded() {
        var scripts = new FirstScreenScripts(Map.of());
        assertThat(scripts.forRoute(FirstScreenScriptsTest.class)).isEmpty();
        assertThat(scripts.hasChunk(FirstScreenScriptsTest.class)).isFalse();
    }
}
