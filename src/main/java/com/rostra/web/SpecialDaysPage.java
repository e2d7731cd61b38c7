package com.rostra.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.rostra.forecasting.Forecasts;
import com.rostra.forecasting.SpecialDays;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * Forecasts › Special days: the days forecasting treats apart — saved ones (holiday, closed, outlier, normal) and the
 * ones it detected as abnormal — with a form to mark a day and a button to overrule a detection ("normal").
 */
@Controller
@RequestMapping("/forecasts/special-days")
class SpecialDaysPage {

    private final Forecasts forecasts;
    private final SpecialDays specialDays;
    private final Companies companies;
    private final java.time.Clock clock;

    SpecialDaysPage(Forecasts forecasts, SpecialDays specialDays, Companies companies, java.time.Clock clock) {
        this.forecasts = forecasts;
        this.specialDays = specialDays;
        this.companies = companies;
        this.clock = clock;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CompanyUser user, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        model.addAttribute("page", "forecasts");
        model.addAttribute("days", forecasts.markedDays(user.companyId(), zone, today.minusDays(120), today.plusDays(366)));
        model.addAttribute("today", today);
        return "special-days";
    }

    @PostMapping
    String mark(@AuthenticationPrincipal CompanyUser user, @RequestParam(required = false) String date,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String note,
                RedirectAttributes redirect) {
        try {
            SpecialDays.SpecialDay saved = specialDays.mark(user.companyId(), date, kind, note);
            forecasts.forgetFits(user.companyId());
            redirect.addFlashAttribute("message", "Marked " + saved.date() + " as " + saved.kind() + "; forecasts are refit.");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/forecasts/special-days";
    }

    @PostMapping("/{date}/delete")
    String unmark(@AuthenticationPrincipal CompanyUser user, @PathVariable String date, RedirectAttributes redirect) {
        try {
            if (specialDays.delete(user.companyId(), LocalDate.parse(date))) {
                forecasts.forgetFits(user.companyId());
                redirect.addFlashAttribute("message", "Unmarked " + date + "; forecasts are refit.");
            }
        } catch (java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("message", "'" + date + "' is not a date.");
        }
        return "redirect:/forecasts/special-days";
    }
}
