package com.rostra.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fixed demo key that could never authenticate stops the start with a reason, instead of failing every call. */
class DemoPropertiesTest {

    @Test
    void aDemoKeyWithoutTheApiKeyShapeIsRefusedAtStart() {
        assertThatThrownBy(() -> new DemoProperties("demo-key-without-prefix-123", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with rk_");
        assertThatThrownBy(() -> new DemoProperties("rk_short", null, null, null, null))
                .hasMessageContaining("20 to 200 characters");
        assertThat(new DemoProperties("rk_demo_tour_key_for_tests_0123456789", null, null, null, null).apiKey())
                .startsWith("rk_");
        assertThat(new DemoProperties("", null, null, null, null).adminEmail()).isEqualTo("admin@demo.rostra.local");
    }
}
