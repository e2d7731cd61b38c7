package com.rostra.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import com.rostra.forecasting.ForecastAdjustments;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyUser;

/**
 * Forecasts › Adjustments form: the page's way to what {@code POST/DELETE /api/v1/forecast-adjustments} do, the same
 * checks (errors name the field) and the same record of who, when and why. Back to the Forecasts page of the series.
 */
@Controller
@RequestMapping("/forecasts/adjustments")
class ForecastAdjustmentsPage {

    private final ForecastAdjustments adjustments;

    ForecastAdjustmentsPage(ForecastAdjustments adjustments) {
        this.adjustments = adjustments;
    }

    /** {@code change} is {@code percent} or {@code absolute} (contacts a day); {@code amount} its value. */
    @PostMapping
    String add(@AuthenticationPrincipal CompanyUser user, @RequestParam(name = "queue_id", required = false) String queueId,
               @RequestParam(required = false) String channel, @RequestParam(required = false) String start,
               @RequestParam(required = false) String end, @RequestParam(required = false) String change,
               @RequestParam(required = false) String amount, @RequestParam(required = false) String note,
               RedirectAttributes redirect) {
        try {
            Long queue = queueId(queueId);
            Double value = number("amount", amount);
            boolean absolute = "absolute".equals(change);
            if (value == null) throw new InvalidRequestException("amount", "is required: a percent (10 = +10 %) or contacts a day");
            ForecastAdjustments.Adjustment a = adjustments.create(user.companyId(), new ForecastAdjustments.Input(queue,
                    blankToNull(channel), start, end, absolute ? null : value, absolute ? value : null, note));
            redirect.addFlashAttribute("adjustmentMessage", "Adjusted " + a.start() + " – " + a.end().minusDays(1)
                    + (absolute ? " by " + value + " contacts a day." : " by " + value + " %."));
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("adjustmentErrors", e.errors());
        }
        return back(queueId, channel);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CompanyUser user, @PathVariable long id,
                  @RequestParam(name = "queue_id", required = false) String queueId,
                  @RequestParam(required = false) String channel, RedirectAttributes redirect) {
        redirect.addFlashAttribute("adjustmentMessage", adjustments.delete(user.companyId(), id)
                ? "Adjustment removed." : "No such adjustment.");
        return back(queueId, channel);
    }

    private static String back(String queueId, String channel) {
        UriComponentsBuilder to = UriComponentsBuilder.fromPath("/forecasts");
        if (queueId != null && queueId.strip().matches("\\d+")) to.queryParam("queue", queueId.strip());
        // only a real channel: the flash message is kept for the exact URL redirected to
        if (channel != null && com.rostra.contacts.Channel.fromWire(channel.strip()).isPresent()) to.queryParam("channel", channel.strip());
        return "redirect:" + to.toUriString() + "#adjustments";
    }

    private static Long queueId(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("queue_id", "must be a queue's id");
        }
    }

    private static Double number(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "must be a number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
