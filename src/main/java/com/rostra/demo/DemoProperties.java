package com.rostra.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fixed credentials for scripted tours: {@code ROSTRA_DEMO_API_KEY}, {@code ROSTRA_DEMO_PASSWORD},
 * {@code ROSTRA_DEMO_ADMIN_EMAIL}. Blank means "generate one on the first start and print it that once".
 */
@ConfigurationProperties("rostra.demo")
public record DemoProperties(String apiKey, String password, String adminEmail, String companyName, String timeZone) {

    public DemoProperties {
        // A key that could never authenticate would be accepted here and refused on every call: refuse to start instead.
        if (apiKey != null && !apiKey.isBlank() && !(apiKey.startsWith("rk_") && apiKey.length() >= 20 && apiKey.length() <= 200)) {
            throw new IllegalArgumentException("ROSTRA_DEMO_API_KEY must start with rk_ and be 20 to 200 characters long "
                    + "(it is used as an API key); leave it empty to have one generated");
        }
        adminEmail = blankTo(adminEmail, "admin@demo.rostra.local");
        companyName = blankTo(companyName, "Demo Support Co.");
        timeZone = blankTo(timeZone, "America/New_York");
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
