package io.orderflow.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Stops the application as soon as it is ready, when {@code orderflow.exit-when-ready=true}: the build's training
 * run for the class data sharing archive (routes-app/pom.xml). Spring's own {@code spring.context.exit=onRefresh}
 * stops before anything starts, so the classes of Camel's route start, Tomcat's connector and the Kafka consumers,
 * about a fifth of those a start loads, stayed out of the archive and were loaded and verified from the jars on every
 * start. Run to ready instead, the archive holds everything the path to ready loads.
 */
@Component
@ConditionalOnProperty(name = "orderflow.exit-when-ready", havingValue = "true")
class ExitWhenReady implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ExitWhenReady.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        LOG.info("Ready; stopping, as orderflow.exit-when-ready asks");
        // the archive is written when the JVM exits, and the broker's and Camel's threads would keep it running
        System.exit(SpringApplication.exit(event.getApplicationContext()));
    }
}
