package com.rostra.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The way in: the start page and the sign-in page. */
@Controller
class PagesController {

    private static final String DEFAULT_DEMO_ADMIN = "admin@demo.rostra.local";

    private final String demoAdmin;

    PagesController(Environment environment, @Value("${rostra.demo.admin-email:}") String demoAdminEmail) {
        // Only in demo mode does the sign-in page name a user: a production page never hints at an account.
        this.demoAdmin = environment.matchesProfiles("demo")
                ? (demoAdminEmail == null || demoAdminEmail.isBlank() ? DEFAULT_DEMO_ADMIN : demoAdminEmail.strip())
                : null;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/realtime";
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoAdmin", demoAdmin);
        return "login";
    }
}
