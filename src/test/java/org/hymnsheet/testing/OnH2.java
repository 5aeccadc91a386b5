package org.hymnsheet.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.NestedTestConfiguration;

/** Runs a test class against an in-memory H2 database (the app's embedded default), one per test JVM. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:hymnsheet-tests;DB_CLOSE_DELAY=-1",
        "spring.jooq.sql-dialect=H2"})
public @interface OnH2 {}
