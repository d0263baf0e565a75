package io.orderflow.app.database;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link H2StoreHousekeeping} when the database is an H2 file; PostgreSQL (and H2 in memory) need none. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
class H2Housekeeping {

    @Bean
    H2StoreHousekeeping h2StoreHousekeeping(DataSource dataSource) {
        return new H2StoreHousekeeping(dataSource, Duration.ofSeconds(1));
    }
}
