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

    @GetMapping("/realtime")
    String realtime(Model model) {
        return upcoming(model, "realtime", "Realtime agent analysis",
                "Live agent states from Gladly's webhook, time in state and adherence.",
                "Connect Gladly in Settings › Integrations and add the Rostra Agent States webhook.");
    }

    @GetMapping("/forecasts")
    String forecasts(Model model) {
        return upcoming(model, "forecasts", "Forecasts",
                "Forecast against actual volume per queue and channel, with the model's backtest error.",
                "Forecasts need a few weeks of contacts: connect Gladly first.");
    }

    @GetMapping("/staffing")
    String staffing(Model model) {
        return upcoming(model, "staffing", "Staffing",
                "Required agents per interval (Erlang C/A with shrinkage) against scheduled agents.",
                "Set service-level targets per queue once forecasts exist.");
    }

    @GetMapping("/schedules")
    String schedules(Model model) {
        return upcoming(model, "schedules", "Schedules",
                "A week grid of every agent's activities, editable and importable from CSV.",
                "Add people first (People › Add from Gladly).");
    }

    @GetMapping("/people")
    String people(Model model) {
        return upcoming(model, "people", "People",
                "Agents with their Gladly id, channels, queues and team; add from Gladly or CSV.",
                "Connect Gladly to add agents from it.");
    }

    @GetMapping("/settings/agent-states")
    String agentStates(Model model) {
        return upcoming(model, "agent-states", "Agent states",
                "Every Gladly state and reason seen, mapped to Rostra activity types.",
                "States appear here once the webhook delivers them.");
    }

    @GetMapping("/settings/queues")
    String queueSettings(Model model) {
        return upcoming(model, "queue-settings", "Queue rules",
                "Queues with their rules on Gladly attributes, and exclusions.",
                "Queue rules use values seen in your contacts: connect Gladly first.");
    }

    @GetMapping("/settings/business-hours")
    String businessHours(Model model) {
        return upcoming(model, "business-hours", "Business hours",
                "Weekly opening hours and holidays used for first-response and SLA times.",
                "Until set, first-response and SLA times count every hour.");
    }

    private static String upcoming(Model model, String page, String title, String what, String next) {
        model.addAttribute("page", page);
        model.addAttribute("title", title);
        model.addAttribute("what", what);
        model.addAttribute("next", next);
        return "upcoming";
    }
}
