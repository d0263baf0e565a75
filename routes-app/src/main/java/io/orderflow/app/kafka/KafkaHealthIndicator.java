package io.orderflow.app.kafka;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "kafka": up when the cluster answers within two seconds. */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final AdminClient admin;
    private final KafkaBootstrap bootstrap;

    public KafkaHealthIndicator(AdminClient admin, KafkaBootstrap bootstrap) {
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
        int nodes = cluster.nodes().get(2, TimeUnit.SECONDS).size();
        builder.up()
                .withDetail("bootstrapServers", bootstrap.servers())
                .withDetail("embedded", bootstrap.isEmbedded())
                .withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS))
                .withDetail("nodes", nodes);
    }
}
