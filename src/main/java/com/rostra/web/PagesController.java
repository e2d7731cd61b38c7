package com.rostra.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The frame's pages. Pages whose module is not built yet render an honest empty state that says what
 * they will show and what to do meanwhile.
 */
@Controller
class PagesController {

    @GetMapping("/")
    String home() {
        return "redirect:/realtime";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/schedules")
    String schedules(Model model) {
        return upcoming(model, "schedules", "Schedules",
                "A week grid of every agent's activities, editable and importable from CSV.",
                "Add people first (People › Add from Gladly).");
    }

    private static String upcoming(Model model, String page, String title, String what, String next) {
        model.addAttribute("page", page);
        model.addAttribute("title", title);
        model.addAttribute("what", what);
        model.addAttribute("next", next);
        return "upcoming";
    }
}
