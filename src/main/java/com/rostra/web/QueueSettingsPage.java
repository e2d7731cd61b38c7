package com.rostra.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.rostra.platform.ConflictException;
import com.rostra.platform.InvalidRequestException;
import com.rostra.queues.Queue;
import com.rostra.queues.QueueInput;
import com.rostra.queues.QueueRule;
import com.rostra.queues.ContactAttribute;
import com.rostra.queues.MatchOperator;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CompanyUser;

/**
 * Settings › Queues: the queue tree with its rules, company-wide exclusions, and a form per queue. Rule values
 * are offered from those seen in the company's contacts; errors are shown next to the row they concern.
 */
@Controller
@RequestMapping("/settings/queues")
class QueueSettingsPage {

    private static final int BLANK_ROWS = 3;

    private final Queues queues;
    private final Clock clock;

    QueueSettingsPage(Queues queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    /** One editable rule line; {@code error} is the server's message for it, if any. */
    record RuleRow(String attribute, String operator, String value, String error) {}

    record Option(String value, String label) {}

    @GetMapping
    String page(@AuthenticationPrincipal CompanyUser user, Model model) {
        model.addAttribute("page", "queue-settings");
        model.addAttribute("queues", queues.list(user.companyId()));
        if (!model.containsAttribute("exclusionRows")) {
            model.addAttribute("exclusionRows", rows(queues.exclusions(user.companyId()), Map.of(), "exclusions"));
        }
        model.addAttribute("assignment", queues.assignmentStatus(user.companyId()));
        options(user, model);
        return "queue-settings";
    }

    /** The re-assignment progress line, polled by htmx while a re-assignment runs. */
    @GetMapping("/assignment")
    String assignment(@AuthenticationPrincipal CompanyUser user, Model model) {
        model.addAttribute("assignment", queues.assignmentStatus(user.companyId()));
        return "queue-settings :: assignment";
    }

    @GetMapping("/new")
    String newQueue(@AuthenticationPrincipal CompanyUser user, @RequestParam(name = "parent_id", required = false) Long parentId,
                    Model model) {
        return form(user, model, null, new QueueInput("", parentId, null, List.of(), List.of(), List.of()), Map.of());
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, Model model) {
        Queue q = queues.get(user.companyId(), id);
        return form(user, model, q, new QueueInput(q.name(), q.parentId(), q.priority(), q.rules(), q.exclusions(), q.channels()),
                Map.of());
    }

    @PostMapping({"", "/{id}"})
    String save(@AuthenticationPrincipal CompanyUser user, @PathVariable(required = false) Long id,
                @RequestParam String name, @RequestParam(name = "parent_id", required = false) Long parentId,
                @RequestParam(required = false) String priority,
                @RequestParam(required = false) List<String> channels,
                @RequestParam(name = "rule_attribute", required = false) List<String> ruleAttributes,
                @RequestParam(name = "rule_operator", required = false) List<String> ruleOperators,
                @RequestParam(name = "rule_value", required = false) List<String> ruleValues,
                @RequestParam(name = "exclusion_attribute", required = false) List<String> exclusionAttributes,
                @RequestParam(name = "exclusion_operator", required = false) List<String> exclusionOperators,
                @RequestParam(name = "exclusion_value", required = false) List<String> exclusionValues,
                Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new HashMap<>();
        Integer parsedPriority = null;
        if (priority != null && !priority.isBlank()) {
            try {
                parsedPriority = Integer.valueOf(priority.strip());
            } catch (NumberFormatException e) {
                errors.put("priority", "must be a whole number");
            }
        }
        QueueInput input = new QueueInput(name, parentId, parsedPriority, filled(ruleAttributes, ruleOperators, ruleValues),
                filled(exclusionAttributes, exclusionOperators, exclusionValues), channels == null ? List.of() : channels);
        Queue existing = id == null ? null : queues.get(user.companyId(), id);
        if (errors.isEmpty()) {
            try {
                Queue saved = id == null ? queues.create(user.companyId(), input) : queues.update(user.companyId(), id, input);
                redirect.addFlashAttribute("message", "Saved queue '" + saved.name() + "'. Contacts are being re-assigned to it.");
                return "redirect:/settings/queues";
            } catch (InvalidRequestException e) {
                e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
            } catch (ConflictException e) {
                errors.put("name", e.getMessage());
            }
        }
        return form(user, model, existing, input, errors);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, RedirectAttributes redirect) {
        Queue q = queues.get(user.companyId(), id);
        try {
            queues.delete(user.companyId(), id);
            redirect.addFlashAttribute("message", "Deleted queue '" + q.name() + "'. Its contacts are being re-assigned.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/queues";
    }

    @PostMapping("/exclusions")
    String saveExclusions(@AuthenticationPrincipal CompanyUser user,
                          @RequestParam(name = "exclusion_attribute", required = false) List<String> attributes,
                          @RequestParam(name = "exclusion_operator", required = false) List<String> operators,
                          @RequestParam(name = "exclusion_value", required = false) List<String> values,
                          RedirectAttributes redirect) {
        List<QueueRule> rules = filled(attributes, operators, values);
        try {
            queues.replaceExclusions(user.companyId(), rules);
            redirect.addFlashAttribute("message", "Saved company-wide exclusions.");
        } catch (InvalidRequestException e) {
            Map<String, String> errors = new HashMap<>();
            e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
            redirect.addFlashAttribute("exclusionRows", rows(rules, errors, "exclusions"));
            redirect.addFlashAttribute("error", "The exclusions were not saved: see the marked rows.");
        }
        return "redirect:/settings/queues";
    }

    private String form(CompanyUser user, Model model, Queue existing, QueueInput input, Map<String, String> errors) {
        model.addAttribute("page", "queue-settings");
        model.addAttribute("queue", existing);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("ruleRows", rows(input.rules(), errors, "rules"));
        model.addAttribute("exclusionRows", rows(input.exclusions(), errors, "exclusions"));
        List<Queue> parents = queues.list(user.companyId()).stream()
                .filter(q -> existing == null || q.id() != existing.id()).toList();
        model.addAttribute("parents", parents);
        options(user, model);
        return "queue-form";
    }

    private void options(CompanyUser user, Model model) {
        List<Option> attributes = new ArrayList<>();
        for (ContactAttribute a : ContactAttribute.values()) attributes.add(new Option(a.wireName(), label(a)));
        List<Option> operators = new ArrayList<>();
        for (MatchOperator o : MatchOperator.values()) operators.add(new Option(o.wireName(), o.wireName().replace('_', ' ')));
        model.addAttribute("attributes", attributes);
        model.addAttribute("operators", operators);
        Map<String, List<String>> seen = new HashMap<>();
        queues.attributeValues(user.companyId(), clock.instant().minus(Duration.ofDays(90)), 100)
                .forEach((a, values) -> seen.put(a.wireName(), values));
        model.addAttribute("seenValues", seen);
        model.addAttribute("channelOptions", com.rostra.contacts.Channel.wireNames());
    }

    /** The rows a user filled in: a row without a value is an unused blank line, not a rule. */
    private static List<QueueRule> filled(List<String> attributes, List<String> operators, List<String> values) {
        List<QueueRule> rules = new ArrayList<>();
        if (values == null) return rules;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) continue;
            rules.add(new QueueRule(at(attributes, i), at(operators, i), value));
        }
        return rules;
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() ? list.get(i) : null;
    }

    private static List<RuleRow> rows(List<QueueRule> rules, Map<String, String> errors, String field) {
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            QueueRule r = rules.get(i);
            String prefix = field + "[" + i + "]";
            List<String> messages = new ArrayList<>();
            errors.forEach((k, v) -> { if (k.startsWith(prefix)) messages.add(k.substring(prefix.length() + 1) + " " + v); });
            rows.add(new RuleRow(r.attribute(), r.operator(), r.value(), messages.isEmpty() ? null : String.join("; ", messages)));
        }
        for (int i = 0; i < BLANK_ROWS; i++) rows.add(new RuleRow("inbox_when_queued", "is", "", null));
        return rows;
    }

    static String label(ContactAttribute a) {
        return switch (a) {
            case CHANNEL -> "Channel";
            case DIRECTION -> "Direction";
            case INBOX_WHEN_QUEUED -> "Inbox when queued";
            case INBOX_WHEN_ENDED -> "Inbox when ended";
            case STATUS -> "Status";
            case GLADLY_CHANNEL -> "Gladly channel";
            case ENTRY_POINT -> "Entry point";
        };
    }
}
