package io.orderflow.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import io.orderflow.contract.Topic;

/** Topic set-up against a real (single-node) broker, with topics left behind by another configuration. */
class TopicInitializerIT {

    @Test
    void growsDeadLetterTopicsShorterThanTheirSourceAndLeavesOtherCountsAsTheyAre() throws Exception {
        Path dataDir = Files.createTempDirectory("orderflow-topics-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
             AdminClient admin = AdminClient.create(Map.of(
                     AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            // an operator raised order-events to 6 partitions and left its dead-letter topic at 3
            admin.createTopics(List.of(new NewTopic(Topic.ORDER.topicName(), 6, (short) 1),
                    new NewTopic(Topic.ORDER.deadLetterTopic(), 3, (short) 1))).all().get(30, TimeUnit.SECONDS);

            new TopicInitializer(admin, 3, (short) 1, null).createMissingTopics();

            assertThat(partitions(admin, Topic.ORDER.topicName())).isEqualTo(6);
            // added partitions reach the broker's metadata a moment after the controller accepted them
            await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                    .until(() -> partitions(admin, Topic.ORDER.deadLetterTopic()) == 6);
            assertThat(partitions(admin, Topic.PAYMENT.topicName())).isEqualTo(3);
            assertThat(partitions(admin, Topic.PAYMENT.deadLetterTopic())).isEqualTo(3);
            ConfigResource created = new ConfigResource(ConfigResource.Type.TOPIC, Topic.PAYMENT.topicName());
            assertThat(admin.describeConfigs(List.of(created)).all().get(30, TimeUnit.SECONDS).get(created)
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
        }
    }

    @Test
    void replicatedTopicsSurviveOneBrokerDownUnlessConfiguredOtherwise() {
        assertThat(new TopicInitializer(null, 3, (short) 3, null).topicConfigs())
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        assertThat(new TopicInitializer(null, 3, (short) 3, 3).topicConfigs())
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "3");
        assertThat(new TopicInitializer(null, 3, (short) 1, null).topicConfigs()).isEmpty();
    }

    private static int partitions(AdminClient admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().size();
    }
}
