package com.rostra.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.queues.Queue;
import com.rostra.queues.QueueInput;
import com.rostra.queues.QueueRule;
import com.rostra.queues.Queues;
import com.rostra.tenancy.ApiKeys;
import com.rostra.tenancy.CompanyId;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.Company;
import com.rostra.tenancy.Role;
import com.rostra.tenancy.Users;

/**
 * Creates (or refreshes, on a restart over the same H2 file) the demo company, its admin and its API key,
 * then announces them so the simulator wiring can connect Gladly for it.
 */
@Component
@Profile("demo")
class DemoCompanySetup {

    private static final Logger log = LoggerFactory.getLogger(DemoCompanySetup.class);
    private static final String GENERATED_KEY_NAME = "Demo key";
    private static final String SIMULATOR_KEY_NAME = "Demo simulator wiring";

    private final DemoProperties properties;
    private final Companies companies;
    private final ApiKeys apiKeys;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final org.springframework.core.env.Environment environment;
    private final Queues queues;
    private final com.rostra.tenancy.BusinessHours businessHours;

    DemoCompanySetup(DemoProperties properties, Companies companies, ApiKeys apiKeys, Users users,
                     ApplicationEventPublisher events, org.springframework.core.env.Environment environment, Queues queues,
                     com.rostra.tenancy.BusinessHours businessHours) {
        this.businessHours = businessHours;
        this.properties = properties;
        this.companies = companies;
        this.apiKeys = apiKeys;
        this.users = users;
        this.events = events;
        this.environment = environment;
        this.queues = queues;
    }

    @Transactional
    public DemoCompanyReady setUp() {
        Company company = companies.findByName(properties.companyName()).orElse(null);
        if (company == null) {
            Companies.CreatedCompany created = companies.create(properties.companyName(), properties.timeZone());
            company = created.company();
            apiKeys.revoke(company.id(), created.firstKey().id());
        }
        String shownKey = announcedKey(company);
        String simulatorKey = simulatorKey(company);
        if (queues.list(company.id()).isEmpty()) {
            defineQueues(company.id());
        }
        if (businessHours.get(company.id()).weekly().isEmpty()) {
            defineBusinessHours(company.id());
        }
        String shownPassword = ensureAdmin(company.id());

        // Generated credentials are shown once, at the start that generates them: a later start (over the same H2 file)
        // keeps them and does not print them again, and configured ones are never printed (logs are often shipped).
        log.info("""

                ==================================================================
                  Rostra demo is ready: {}
                  Sign in at  http://localhost:{}/login
                    user      {}
                    password  {}
                  API key     {}
                ==================================================================""",
                company.name(), environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")),
                properties.adminEmail(),
                shownPassword != null ? shownPassword + "   (generated; shown this once)"
                        : blank(properties.password()) ? "the one shown when this demo database was first started"
                        : "as set in ROSTRA_DEMO_PASSWORD",
                shownKey != null ? shownKey + "   (HTTP Basic username; generated, shown this once)"
                        : blank(properties.apiKey()) ? "the one shown when this demo database was first started"
                        : "as set in ROSTRA_DEMO_API_KEY");
        DemoCompanyReady ready = new DemoCompanyReady(company.id(), simulatorKey);
        events.publishEvent(ready);
        return ready;
    }

    /**
     * The admin, with the configured password (set again on every start, so changing it takes effect) or, on the
     * first start only, a generated one. Returns the password when it was generated now, else null.
     */
    private String ensureAdmin(CompanyId company) {
        boolean configured = !blank(properties.password());
        var admin = users.findByEmail(company, properties.adminEmail());
        if (admin.isPresent()) {
            if (configured) users.setPassword(company, admin.get().id(), properties.password());
            return null;
        }
        String password = configured ? properties.password() : generatedPassword();
        users.create(company, properties.adminEmail(), "Demo Admin", Role.ADMIN, password);
        return configured ? null : password;
    }

    /** Queues over the simulated organization's inboxes, so the Queues page shows the tree from the start. */
    /** A support desk's week: weekdays 08:00-20:00, Saturday 09:00-17:00, closed on Sunday. */
    private void defineBusinessHours(CompanyId company) {
        java.util.List<com.rostra.tenancy.BusinessHours.Day> week = new java.util.ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            week.add(new com.rostra.tenancy.BusinessHours.Day(day, "08:00", "20:00"));
        }
        week.add(new com.rostra.tenancy.BusinessHours.Day("saturday", "09:00", "17:00"));
        businessHours.replace(company, new com.rostra.tenancy.BusinessHours.Settings(true, week, List.of()));
    }

    private void defineQueues(CompanyId company) {
        Queue support = queues.create(company, new QueueInput("Support", null, 10,
                List.of(new QueueRule("inbox_when_queued", "starts_with", "Support")), List.of(), List.of()));
        queues.create(company, new QueueInput("Support phone", support.id(), 10, List.of(), List.of(), List.of("phone")));
        queues.create(company, new QueueInput("Support email", support.id(), 20, List.of(), List.of(), List.of("email")));
        queues.create(company, new QueueInput("Billing", null, 20,
                List.of(new QueueRule("inbox_when_queued", "starts_with", "Billing")), List.of(), List.of()));
        queues.create(company, new QueueInput("Messaging", null, 30, List.of(
                new QueueRule("inbox_when_queued", "is", "Web Chat"), new QueueRule("inbox_when_queued", "is", "SMS"),
                new QueueRule("inbox_when_queued", "is", "Social")), List.of(), List.of()));
        queues.replaceExclusions(company, List.of(new QueueRule("inbox_when_queued", "is", "Spam")));
    }

    /**
     * The key the visitor uses: the configured one, or a key generated on the first start. Returns its text when it
     * was generated now (to be shown once), else null.
     */
    private String announcedKey(Company company) {
        if (!blank(properties.apiKey())) {
            if (apiKeys.authenticate(properties.apiKey()).isEmpty()) {
                apiKeys.createWithKey(company.id(), "Demo key (fixed)", properties.apiKey());
            }
            return null;
        }
        boolean exists = apiKeys.list(company.id()).stream().anyMatch(k -> k.name().equals(GENERATED_KEY_NAME));
        return exists ? null : apiKeys.create(company.id(), GENERATED_KEY_NAME).key();
    }

    /**
     * The key the demo's own wiring uses (the simulated Gladly's webhook credentials and the history import): the
     * configured key, else a fresh one on every start, never printed. Only a hash of the visitor's generated key is
     * kept, so it cannot be handed to the wiring on a later start.
     */
    private String simulatorKey(Company company) {
        if (!blank(properties.apiKey())) {
            return properties.apiKey();
        }
        apiKeys.list(company.id()).stream().filter(k -> k.name().equals(SIMULATOR_KEY_NAME))
                .forEach(k -> apiKeys.revoke(company.id(), k.id()));
        return apiKeys.create(company.id(), SIMULATOR_KEY_NAME).key();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
