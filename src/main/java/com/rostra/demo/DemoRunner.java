package com.rostra.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

@Component
@Profile("demo")
class DemoRunner implements ApplicationRunner {

    private final DemoCompanySetup setup;

    DemoRunner(DemoCompanySetup setup) {
        this.setup = setup;
    }

    @Override
    public void run(ApplicationArguments args) {
        setup.setUp();
    }
}
