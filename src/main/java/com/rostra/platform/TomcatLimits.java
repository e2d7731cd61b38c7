package com.rostra.platform;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Expect: 100-continue" is answered only when something reads the body: a request refused on its headers (too
 * large, unauthenticated) is answered before the client sends its body at all.
 */
@Configuration
class TomcatLimits {

    @Bean
    TomcatConnectorCustomizer continueOnRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
