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
        // a run gives up when H2's store lock is not free within 10 ms, which under load is most runs; bench dbsize at
        // 500 orders/s: one run a second with RETENTION_TIME=2000 left 16 KB of file per order, five with 1000 8.5 KB
        return new H2StoreHousekeeping(dataSource, Duration.ofMillis(200));
    }
}
