package com.rostra.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.rostra.gladly.GladlyConnections;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyUser;

/** Settings › Integrations: the Gladly card, its connect / re-authorize form and the webhook set-up steps. */
@Controller
@RequestMapping("/settings/integrations")
class IntegrationsPage {

    private final GladlyConnections connections;

    IntegrationsPage(GladlyConnections connections) {
        this.connections = connections;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CompanyUser user, Model model) {
        model.addAttribute("page", "integrations");
        model.addAttribute("gladly", connections.status(user.companyId()));
        model.addAttribute("webhookUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/webhooks/gladly").toUriString());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new HashMap<String, String>());
        }
        return "integrations";
    }

    /** The card alone, polled by htmx while a sync runs. */
    @GetMapping("/gladly/card")
    String card(@AuthenticationPrincipal CompanyUser user, Model model) {
        model.addAttribute("gladly", connections.status(user.companyId()));
        return "integrations :: card";
    }

    @PostMapping("/gladly")
    String connect(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "") String username,
                   @RequestParam(name = "api_token", defaultValue = "") String apiToken,
                   @RequestParam(defaultValue = "") String subdomain,
                   @RequestParam(name = "base_url", defaultValue = "") String baseUrl,
                   @RequestParam(name = "backfill_days", defaultValue = "90") String backfillDays,
                   RedirectAttributes redirect) {
        Map<String, String> form = new HashMap<>(Map.of("username", username, "subdomain", subdomain,
                "base_url", baseUrl, "backfill_days", backfillDays));
        Map<String, String> errors = new HashMap<>();
        try {
            Integer days = Integer.valueOf(backfillDays.strip());
            connections.connect(user.companyId(), new GladlyConnections.ConnectRequest(username, apiToken,
                    subdomain.isBlank() ? null : subdomain, baseUrl.isBlank() ? null : baseUrl, days));
            redirect.addFlashAttribute("message", "Gladly connected. The first sync has started.");
            return "redirect:/settings/integrations";
        } catch (NumberFormatException e) {
            errors.put("backfill_days", "Enter a number of days, e.g. 90.");
        } catch (InvalidRequestException e) {
            e.errors().forEach(err -> errors.put(err.field(), err.message()));
        } catch (GladlyConnections.CredentialsRejected e) {
            errors.put("gladly", e.getMessage());
        }
        // The token is never echoed back into the page.
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("showForm", true);
        return "redirect:/settings/integrations";
    }

    @PostMapping("/gladly/sync")
    String sync(@AuthenticationPrincipal CompanyUser user, RedirectAttributes redirect) {
        connections.syncNow(user.companyId());
        redirect.addFlashAttribute("message", "Sync started.");
        return "redirect:/settings/integrations";
    }

    @PostMapping("/gladly/disconnect")
    String disconnect(@AuthenticationPrincipal CompanyUser user, RedirectAttributes redirect) {
        connections.disconnect(user.companyId());
        redirect.addFlashAttribute("message", "Gladly disconnected. Contacts already pulled are kept.");
        return "redirect:/settings/integrations";
    }
}
