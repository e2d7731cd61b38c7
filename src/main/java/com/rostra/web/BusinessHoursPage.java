package com.rostra.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.BusinessHours;
import com.rostra.tenancy.CompanyUser;

/** Settings › Business hours: one opening window per weekday and a list of holidays. */
@Controller
@RequestMapping("/settings/business-hours")
class BusinessHoursPage {

    private final BusinessHours businessHours;

    BusinessHoursPage(BusinessHours businessHours) {
        this.businessHours = businessHours;
    }

    record DayRow(String day, String label, String open, String close) {}

    @GetMapping
    String page(@AuthenticationPrincipal CompanyUser user, Model model) {
        BusinessHours.Settings s = businessHours.get(user.companyId());
        Map<String, BusinessHours.Day> byDay = new LinkedHashMap<>();
        s.weekly().forEach(d -> byDay.putIfAbsent(d.day(), d));
        List<DayRow> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String key = d.name().toLowerCase(Locale.ROOT);
            BusinessHours.Day set = byDay.get(key);
            days.add(new DayRow(key, key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1),
                    set == null ? "" : set.open(), set == null ? "" : set.close()));
        }
        model.addAttribute("page", "business-hours");
        model.addAttribute("enabled", s.enabled());
        model.addAttribute("days", days);
        model.addAttribute("holidays", String.join("\n", s.holidays().stream()
                .map(h -> h.date() + (h.name() == null ? "" : " " + h.name())).toList()));
        return "business-hours";
    }

    @PostMapping
    String save(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        // "Copy Monday to every open day": the source day's window for every day not marked closed.
        String copyFrom = form.getOrDefault("copy_from", "").strip().toLowerCase(Locale.ROOT);
        String copyOpen = copyFrom.isEmpty() ? null : form.getOrDefault(copyFrom + "_open", "").strip();
        String copyClose = copyFrom.isEmpty() ? null : form.getOrDefault(copyFrom + "_close", "").strip();
        List<BusinessHours.Day> weekly = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String key = d.name().toLowerCase(Locale.ROOT);
            if ("true".equals(form.get(key + "_closed"))) continue;
            String open = copyOpen != null ? copyOpen : form.getOrDefault(key + "_open", "").strip();
            String close = copyClose != null ? copyClose : form.getOrDefault(key + "_close", "").strip();
            if (!open.isEmpty() || !close.isEmpty()) weekly.add(new BusinessHours.Day(key, open, close));
        }
        List<BusinessHours.Holiday> holidays = new ArrayList<>();
        for (String line : form.getOrDefault("holidays", "").split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            int space = l.indexOf(' ');
            holidays.add(new BusinessHours.Holiday(space < 0 ? l : l.substring(0, space), space < 0 ? null : l.substring(space + 1).strip()));
        }
        try {
            businessHours.replace(user.companyId(), new BusinessHours.Settings(enabled, weekly, holidays));
            redirect.addFlashAttribute("message", "Business hours saved. They apply to contacts pulled from now on.");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/settings/business-hours";
    }
}
