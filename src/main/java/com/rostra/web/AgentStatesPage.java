package com.rostra.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.rostra.agents.AgentState;
import com.rostra.agents.AgentStates;
import com.rostra.agents.StateMappings;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyUser;

/** Settings › Agent states: every Gladly state and reason seen, how often, and what it counts as. */
@Controller
@RequestMapping("/settings/agent-states")
class AgentStatesPage {

    private final AgentStates states;
    private final StateMappings mappings;

    AgentStatesPage(AgentStates states, StateMappings mappings) {
        this.states = states;
        this.mappings = mappings;
    }

    record SeenRow(String state, String reason, long count, StateMappings.Mapping mapping) {}

    @GetMapping
    String page(@AuthenticationPrincipal CompanyUser user, Model model) {
        List<StateMappings.Mapping> rules = mappings.list(user.companyId());
        model.addAttribute("page", "agent-states");
        model.addAttribute("rules", rules);
        model.addAttribute("seen", states.seenStates(user.companyId()).stream()
                .map(s -> new SeenRow(s.state().wireName(), s.reason(), s.count(), StateMappings.resolve(rules, s.state(), s.reason())))
                .toList());
        return "agent-states";
    }

    @PostMapping
    String save(@AuthenticationPrincipal CompanyUser user, @RequestParam String state, @RequestParam String reason,
                @RequestParam String activityType, @RequestParam(defaultValue = "false") boolean productive,
                @RequestParam(defaultValue = "") String channel, RedirectAttributes redirect) {
        List<StateMappings.Mapping> rules = new ArrayList<>(mappings.list(user.companyId()));
        try {
            AgentState s = AgentState.fromWire(state);
            String r = reason.isBlank() ? "*" : reason.strip();
            rules.removeIf(m -> m.state() == s && m.reason().equalsIgnoreCase(r));
            if (!activityType.isBlank()) {
                rules.add(new StateMappings.Mapping(s, r, activityType.strip(), productive, channel.isBlank() ? null : channel));
            }
            mappings.replace(user.companyId(), rules);
            redirect.addFlashAttribute("message", "Mapping saved.");
        } catch (InvalidRequestException e) {
            // Every error: a replacement may break several adherence rules, and each is named.
            redirect.addFlashAttribute("error", "Nothing was saved: " + String.join("; ",
                    e.errors().stream().map(InvalidRequestException.FieldError::message).toList()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Unknown state " + state);
        }
        return "redirect:/settings/agent-states";
    }
}
