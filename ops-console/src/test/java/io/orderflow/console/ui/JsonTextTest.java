package io.orderflow.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void keepsMoneyAsWrittenAndShowsNonJsonAsIs() {
        assertThat(JsonText.pretty("{\"price\":12.50,\"total\":100.00}")).contains("12.50", "100.00");
        assertThat(JsonText.pretty("not json")).isEqualTo("not json");
    }
}
