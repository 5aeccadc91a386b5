package org.hymnsheet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import org.hymnsheet.surveys.AnswerInput;
import org.hymnsheet.surveys.ResponseService;
import org.hymnsheet.surveys.SurveyEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The package boundaries of CONVENTIONS.md, held by the build: each rule's {@code check} asserts it and fails the test. */
class ArchitectureTest {
    static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hymnsheet");
    }

    @Test
    void features_do_not_depend_on_each_other_in_a_circle() {
        slices().matching("org.hymnsheet.(*)..").should().beFreeOfCycles().check(app);
    }

    @Test
    void nothing_outside_the_ui_depends_on_the_ui() {
        noClasses().that().resideOutsideOfPackages("org.hymnsheet..ui..", "org.hymnsheet.shell..")
                .and().areNotAnnotatedWith(Configuration.class) // security wiring names the sign-in view
                .should().dependOnClassesThat().resideInAnyPackage("org.hymnsheet..ui..", "org.hymnsheet.shell..")
                .check(app);
    }

    @Test
    void views_call_services_never_the_database() {
        noClasses().that().resideInAnyPackage("org.hymnsheet..ui..", "org.hymnsheet.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.hymnsheet.db..")
                .orShould().dependOnClassesThat().areAnnotatedWith(Repository.class)
                .check(app);
    }

    @Test
    void repositories_are_private_to_their_feature() {
        classes().that().areAnnotatedWith(Repository.class)
                // the one place young people's answers are counted, for boards and findings alike (decision 0016)
                .and().doNotHaveSimpleName("VoiceRepository")
                .should().notBePublic()
                .andShould().resideOutsideOfPackages("..ui..").check(app);
    }

    @Test
    void only_services_and_repositories_touch_the_database() {
        noClasses().that().areNotAnnotatedWith(Service.class).and().areNotAnnotatedWith(Repository.class)
                .and().resideOutsideOfPackage("org.hymnsheet.db..")
                .and().doNotHaveSimpleName("CurrentStaff") // reads the caller's account on every check
                .and().doNotHaveSimpleName("InputTable") // workshops' repositories' typed view of the input tables
                .and().doNotHaveSimpleName("Application")
                .should().dependOnClassesThat().resideInAnyPackage("org.hymnsheet.db..")
                .check(app);
    }

    @Test
    void every_public_service_method_runs_in_a_transaction() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class).and().arePublic()
                .should().beAnnotatedWith(Transactional.class).check(app);
    }

    @Test
    void views_live_in_ui_packages_or_the_shell() {
        classes().that().areAnnotatedWith(Route.class).should().resideInAnyPackage("org.hymnsheet..ui..", "org.hymnsheet.shell..").check(app);
    }

    @Test
    void respondent_pages_start_and_save_answers_with_their_client_key() {
        noClasses().that().resideInAnyPackage("org.hymnsheet..ui..", "org.hymnsheet.shell..")
                .should().callMethod(ResponseService.class, "start", SurveyEntry.class, String.class)
                .orShould().callMethod(ResponseService.class, "save", String.class, String.class, AnswerInput.class)
                .because("starts and saves from a browser are limited per client key (the key-less versions are for server-side callers)")
                .check(app);
    }
}
