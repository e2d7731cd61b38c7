package com.rostra;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RostraApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(RostraApplication.class);
        // "--demo" is the README's one switch for a zero-setup tour; it maps onto the demo profile.
        if (Arrays.asList(args).contains("--demo")) {
            app.setAdditionalProfiles("demo");
        }
        app.run(args);
    }
}
