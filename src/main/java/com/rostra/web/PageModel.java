package com.rostra.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.rostra.tenancy.Companies;
import com.rostra.tenancy.Company;
import com.rostra.tenancy.CompanyUser;

/** What the frame shows on every page: company, its time zone, the signed-in user. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Companies companies;

    PageModel(Companies companies) {
        this.companies = companies;
    }

    record Frame(String companyName, String timeZone, String zoneAbbreviation, String userName, String userEmail,
                 String role, boolean admin) {

        /** Managers and admins plan; agents see Realtime and the schedule (the navigation follows the role matrix). */
        public boolean planner() {
            return admin || "manager".equals(role);
        }
    }

    /** How every page writes dates, times and numbers (in the company's time zone); UTC before sign-in. */
    @ModelAttribute("fmt")
    Formats fmt(@AuthenticationPrincipal CompanyUser user) {
        return new Formats(user == null ? ZoneId.of("UTC") : companies.get(user.companyId()).timeZone());
    }

    @ModelAttribute("frame")
    Frame frame(@AuthenticationPrincipal CompanyUser user) {
        if (user == null) {
            return null;
        }
        Company company = companies.get(user.companyId());
        ZoneId zone = company.timeZone();
        String abbreviation = ZonedDateTime.now(zone).format(DateTimeFormatter.ofPattern("zzz"));
        return new Frame(company.name(), zone.getId(), abbreviation, user.name(), user.email(), user.role().wireName(),
                user.role() == com.rostra.tenancy.Role.ADMIN);
    }
}
