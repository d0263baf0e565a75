package io.orderflow.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartingEvent;

import io.orderflow.app.OrderflowApplication;

class H2ObjectCacheOffTest {

    private final ApplicationStartingEvent starting = new ApplicationStartingEvent(null,
            new SpringApplication(OrderflowApplication.class), new String[0]);

    private String before;

    @BeforeEach
    void rememberTheProperty() {
        before = System.clearProperty(H2ObjectCacheOff.PROPERTY);
    }

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(H2ObjectCacheOff.PROPERTY);
        } else {
            System.setProperty(H2ObjectCacheOff.PROPERTY, before);
        }
    }

    @Test
    void turnsTheCacheOffWhenTheJvmDidNotSayOtherwise() {
        new H2ObjectCacheOff().onApplicationEvent(starting);

        assertThat(System.getProperty(H2ObjectCacheOff.PROPERTY)).isEqualTo("false");
    }

    @Test
    void leavesAnExplicitSettingAlone() {
        System.setProperty(H2ObjectCacheOff.PROPERTY, "true");

        new H2ObjectCacheOff().onApplicationEvent(starting);

        assertThat(System.getProperty(H2ObjectCacheOff.PROPERTY)).isEqualTo("true");
    }

    @Test
    void isRegisteredForEveryStartOfTheApplication() {
        assertThat(new SpringApplication(OrderflowApplication.class).getListeners())
                .anyMatch(H2ObjectCacheOff.class::isInstance);
    }
}
