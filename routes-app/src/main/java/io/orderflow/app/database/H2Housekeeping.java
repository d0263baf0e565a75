package io.orderflow.app.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.orderflow.app.OrderflowProperties;

/** Runs {@link H2StoreHousekeeping} when the database is an H2 file; PostgreSQL (and H2 in memory) need none. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
class H2Housekeeping {

    @Bean
    H2StoreHousekeeping h2StoreHousekeeping(DataSource dataSource, OrderflowProperties properties) {
        return new H2StoreHousekeeping(dataSource, properties.database().h2HousekeepingInterval());
    }
}
