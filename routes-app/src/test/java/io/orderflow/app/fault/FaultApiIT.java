package io.orderflow.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.orderflow.app.AppTestSupport;
import io.orderflow.app.InstanceId;

/** Injected faults belong to the instance that was called, and every answer says which one that is. */
class FaultApiIT extends AppTestSupport {

    @Autowired
    private InstanceId instance;

    @Test
    void answersNameTheInstanceTheFaultsApplyTo() {
        HttpResponse<String> set = operatorPut("/api/faults/delivery", "{\"latencyMs\":1}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode answer = parse(set);
        assertThat(answer.get("instance").asText()).isEqualTo(instance.name());
        assertThat(answer.get("scope").asText()).isEqualTo("this instance only");
        assertThat(answer.get("faults").get("delivery").get("latencyMs").asLong()).isEqualTo(1);

        JsonNode listed = operatorGet("/api/faults");
        assertThat(listed.get("instance").asText()).isEqualTo(instance.name());
        assertThat(listed.get("faults").has("delivery")).isTrue();
    }

    private HttpResponse<String> operatorPut(String path, String body) {
        return send("PUT", path, "application/json", body, "Bearer " + TOKEN);
    }
}
