package org.hymnsheet.common;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs {@link H2Recovery} on the configured H2 file database while the context is still being defined, before the
 * connection pool, Flyway or anything else can open the file. Other databases are left alone.
 */
@Component
class H2RecoveryOnStart implements BeanFactoryPostProcessor, EnvironmentAware {
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        H2Recovery.databasePath(environment.getProperty("spring.datasource.url")).ifPresent(base ->
                H2Recovery.recoverIfNeeded(base, environment.getProperty("spring.datasource.username", "sa"),
                        environment.getProperty("spring.datasource.password", "")));
    }
}
