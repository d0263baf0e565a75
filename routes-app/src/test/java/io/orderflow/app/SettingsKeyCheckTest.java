package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

import io.orderflow.kafka.KafkaUris;
import io.orderflow.reliability.RetrySettings;
import io.orderflow.reliability.StageSettings;

/** Starting with orderflow.stages/faults keys: a typo fails the start and says what it should have been. */
class SettingsKeyCheckTest {

    @Configuration
    @EnableConfigurationProperties(OrderflowProperties.class)
    @Import(SettingsKeyCheck.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void aMisspeltStageFailsTheStartNamingItAndTheStages() {
        runner.withPropertyValues("orderflow.stages.paymnet.max-redeliveries=2").run(context ->
                assertThat(context).getFailure().hasMessage(
                        "orderflow.stages.paymnet is not a stage; use one of [order, payment, dispatch, delivery]"
                                + " (in orderflow.stages.paymnet.max-redeliveries)"));
    }

    @Test
    void aMisspeltStageSettingFailsTheStartNamingItAndTheSettings() {
        runner.withPropertyValues("orderflow.stages.payment.max-redelivery=2").run(context ->
                assertThat(context).getFailure().hasMessage(
                        "orderflow.stages.payment.max-redelivery is not a stage's setting; use orderflow.stages"
                                + ".payment.<consumers|batch-wait-ms|max-redeliveries|initial-delay-ms|multiplier|max-delay-ms>"));
    }

    @Test
    void aBatchWaitUnderOneMillisecondFailsTheStart() {
        runner.withPropertyValues("orderflow.stages.payment.batch-wait-ms=0").run(context ->
                assertThat(context).getFailure().hasRootCauseMessage("batch-wait-ms must be at least 1, not 0"));
    }

    @Test
    void aMisspeltFaultStageFailsTheStart() {
        runner.withPropertyValues("orderflow.faults.deadletter.latency-ms=5").run(context ->
                assertThat(context).getFailure().hasMessageStartingWith(
                        "orderflow.faults.deadletter is not a stage with fault injection; use one of [order,"
                                + " payment, dispatch, delivery, dead-letter]"));
    }

    @Test
    void knownKeysInEitherFormStartAndWhatIsLeftOutKeepsItsDefault() {
        runner.withPropertyValues("orderflow.stages.payment.maxRedeliveries=2", "orderflow.stages.order.consumers=3",
                        "orderflow.stages.dispatch.batch-wait-ms=5",
                        "orderflow.faults.dead-letter.transient-failure-rate=0.5")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    OrderflowProperties properties = context.getBean(OrderflowProperties.class);
                    StageSettings payment = properties.stages().get("payment").toSettings("payment");
                    assertThat(payment.retry().maxRedeliveries()).isEqualTo(2);
                    assertThat(payment.retry().initialDelayMs())
                            .isEqualTo(RetrySettings.DEFAULT.initialDelayMs());
                    assertThat(properties.stages().get("order").toSettings("order").consumers()).isEqualTo(3);
                    assertThat(properties.stages().get("dispatch").toSettings("dispatch").batchWaitMs()).isEqualTo(5);
                    assertThat(payment.batchWaitMs()).isEqualTo(KafkaUris.STAGE_BATCH_WAIT_MS);
                    assertThat(properties.faults().byStage().get("dead-letter").transientFailureRate()).isEqualTo(0.5);
                });
    }

    /** The Faults record names each stage of the one list (and the dead-letter write) as a setting of its own. */
    @Test
    void everyStageWithFaultInjectionBindsItsFaults() {
        String[] latencies = OrderflowProperties.FAULT_STAGES.stream()
                .map(stage -> "orderflow.faults." + stage + ".latency-ms=5").toArray(String[]::new);
        runner.withPropertyValues(latencies).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OrderflowProperties.class).faults().byStage())
                    .containsOnlyKeys(OrderflowProperties.FAULT_STAGES);
        });
    }

    /** orderflow.faults.enabled, the start-up switch for fault injection as a whole, is not a stage. */
    @Test
    void theFaultSwitchIsAKnownKey() {
        assertThatCode(() -> SettingsKeyCheck.check(new MockEnvironment()
                .withProperty("orderflow.faults.enabled", "true")
                .withProperty("orderflow.faults.payment.latency-ms", "5"))).doesNotThrowAnyException();
    }
}
