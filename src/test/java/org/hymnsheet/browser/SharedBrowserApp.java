package org.hymnsheet.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one app (Spring context, server and in-memory database) that the browser classes without settings of their
 * own share: starting it costs several seconds, once instead of once per class. Each of these classes makes its
 * own partnerships, accounts and workshops with unique names, so what another class left in the database is
 * never in its way. A class keeps an app of its own when it needs other settings or beans, needs a database
 * without an installation (first run), or types wrong codes or passwords, which the app counts per client address
 * for minutes and would hold against the classes after it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-shared;DB_CLOSE_DELAY=-1")
@interface SharedBrowserApp {}
