package com.rostra.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fixed credentials for scripted tours: {@code ROSTRA_DEMO_API_KEY}, {@code ROSTRA_DEMO_PASSWORD},
 * {@code ROSTRA_DEMO_ADMIN_EMAIL}. Blank means "generate one and print it at start-up".
 */
@ConfigurationProperties("rostra.demo")
public record DemoProperties(String apiKey, String password, String adminEmail, String companyName, String timeZone) {

    public DemoProperties {
        adminEmail = blankTo(adminEmail, "admin@demo.rostra.local");
        companyName = blankTo(companyName, "Demo Support Co.");
        timeZone = blankTo(timeZone, "America/New_York");
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
