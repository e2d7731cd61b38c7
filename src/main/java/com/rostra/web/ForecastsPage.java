package com.rostra.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.forecasting.ForecastAdjustments;
import com.rostra.forecasting.Forecasts;
import com.rostra.forecasting.PublishedForecasts;
import com.rostra.forecasting.SpecialDays;
import com.rostra.queues.Queue;
import com.rostra.queues.Queues;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyUser;

/**
 * Forecasts: for one queue (or all) and channel (or all), actual volume (solid) against forecast (dashed) per
 * hour over the last two weeks and the next two, with the chosen model and its backtest error by the title, the
 * backtest (WAPE and MASE) of every candidate model, and the special and detected abnormal days.
 */
@Controller
class ForecastsPage {

    private static final DateTimeFormatter LABEL = Formats.DAY_TIME;

    private final Forecasts forecasts;
    private final Queues queues;
    private final Companies companies;
    private final Clock clock;
    private final SpecialDays specialDays;
    private final ForecastAdjustments adjustments;
    private final PublishedForecasts published;

    ForecastsPage(Forecasts forecasts, SpecialDays specialDays, ForecastAdjustments adjustments, PublishedForecasts published,
                  Queues queues, Companies companies, Clock clock) {
        this.forecasts = forecasts;
        this.adjustments = adjustments;
        this.published = published;
        this.specialDays = specialDays;
        this.queues = queues;
        this.companies = companies;
        this.clock = clock;
    }

    @GetMapping("/forecasts")
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(required = false) Long queue,
                @RequestParam(required = false) String channel, Model model) {
        ZoneId zone = companies.get(user.companyId()).timeZone();
        List<Queue> all = queues.list(user.companyId());
        Long queueId = queue != null && all.stream().anyMatch(q -> q.id() == queue) ? queue : null;
        Channel ch = channel == null ? null : Channel.fromWire(channel).orElse(null);
        Forecasts.Series series = new Forecasts.Series(user.companyId(), queueId, ch);
        Instant now = clock.instant();
        Instant start = now.atZone(zone).toLocalDate().minusDays(14).atStartOfDay(zone).toInstant();
        Instant end = now.atZone(zone).toLocalDate().plusDays(15).atStartOfDay(zone).toInstant();
        Forecasts.Forecast forecast = forecasts.forecast(series, start, end, IntervalLength.MINUTES_60, zone);
        Forecasts.Accuracy accuracy = forecasts.accuracy(series, 4, zone);

        List<String> labels = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        List<Double> modelOnly = new ArrayList<>();
        List<Double> intraday = new ArrayList<>();
        List<Long> actual = new ArrayList<>();
        double actualTotal = 0;
        boolean adjusted = false;
        for (Forecasts.Point p : forecast.intervals()) {
            labels.add(LABEL.format(p.start().atZone(zone)));
            predicted.add(p.volume());
            modelOnly.add(p.modelVolume());
            intraday.add(p.intraday());
            adjusted |= Math.abs(p.volume() - p.modelVolume()) > 0.005;
            actual.add(p.actual());
            if (p.actual() != null) actualTotal += p.actual();
        }
        java.time.LocalDate todayDate = now.atZone(zone).toLocalDate();
        List<ForecastAdjustments.Adjustment> adjustmentRows = adjustments.list(user.companyId(), todayDate.minusDays(14), todayDate.plusDays(120));
        java.time.LocalDate weeksFrom = todayDate.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).minusWeeks(12);
        List<PublishedForecasts.WeekAccuracy> publishedWeeks = published.weekly(series, weeksFrom, todayDate.plusDays(1), zone);
        List<String> weekLabels = new ArrayList<>();
        List<String> weekWape = new ArrayList<>();
        for (PublishedForecasts.WeekAccuracy w : publishedWeeks) {
            weekLabels.add(Formats.DAY.format(w.weekStart()));
            weekWape.add(w.wape() == null ? "" : String.valueOf(Math.round(w.wape() * 1000) / 10.0));
        }
        double nextWeek = forecast.intervals().stream().filter(p -> !p.start().isBefore(now)
                && p.start().isBefore(now.plus(Duration.ofDays(7)))).mapToDouble(Forecasts.Point::volume).sum();
        java.time.LocalDate today = now.atZone(zone).toLocalDate();
        List<String[]> special = new ArrayList<>();
        for (SpecialDays.SpecialDay d : specialDays.list(user.companyId(), today.minusDays(84), today.plusDays(120))) {
            special.add(new String[] {Formats.DATE.format(d.date()), d.kind(), d.note() == null ? "" : d.note()});
        }
        List<String> detected = new ArrayList<>();
        for (java.time.LocalDate d : forecasts.abnormalDays(user.companyId(), zone)) {
            if (special.stream().noneMatch(r -> r[0].equals(Formats.DATE.format(d)))) detected.add(Formats.DATE.format(d));
        }
        model.addAttribute("specialDays", special);
        model.addAttribute("modelOnly", adjusted ? modelOnly : List.of());
        model.addAttribute("intraday", intraday);
        model.addAttribute("intradayShrink", forecast.intradayShrink());
        List<String[]> adjustmentView = new ArrayList<>();
        DateTimeFormatter when = Formats.DAY_TIME;
        for (ForecastAdjustments.Adjustment a : adjustmentRows) {
            String queueName = a.queueId() == null ? "all" : all.stream().filter(q -> q.id() == a.queueId()).findFirst()
                    .map(Queue::name).orElse("#" + a.queueId());
            String change = a.percent() != null ? (a.percent() > 0 ? "+" : "") + a.percent() + " %"
                    : (a.absolute() > 0 ? "+" : "") + Math.round(a.absolute()) + " a day";
            adjustmentView.add(new String[] {Formats.DATE.format(a.start()) + " – " + Formats.DATE.format(a.end().minusDays(1)), queueName,
                    a.channel() == null ? "All channels" : ChannelNames.of(a.channel()), change, a.note() == null ? "" : a.note(),
                    a.createdBy() + ", " + when.format(a.createdAt().atZone(zone)), Long.toString(a.id())});
        }
        model.addAttribute("adjustments", adjustmentView);
        model.addAttribute("publishedWeeks", publishedWeeks);
        model.addAttribute("weekLabels", weekLabels);
        model.addAttribute("weekWape", weekWape);
        model.addAttribute("publications", published.publications(user.companyId(), weeksFrom.atStartOfDay(zone).toInstant(),
                todayDate.plusDays(120).atStartOfDay(zone).toInstant()).size());
        model.addAttribute("detectedDays", detected);
        model.addAttribute("page", "forecasts");
        model.addAttribute("queues", all);
        model.addAttribute("selectedQueue", queueId);
        model.addAttribute("selectedChannel", ch == null ? null : ch.wireName());
        model.addAttribute("channels", com.rostra.contacts.Channel.wireNames());
        model.addAttribute("seriesTitle", (queueId == null ? "All queues" : all.stream().filter(q -> q.id() == queueId)
                .findFirst().map(Queue::name).orElse("Queue")) + " · " + (ch == null ? "all channels" : ChannelNames.of(ch)));
        model.addAttribute("model", forecast.model());
        model.addAttribute("accuracy", accuracy);
        model.addAttribute("chosenWape", accuracy.models().stream().filter(s -> s.model().equals(forecast.model()))
                .findFirst().map(Forecasts.ModelScore::wape).orElse(null));
        model.addAttribute("labels", labels);
        model.addAttribute("predicted", predicted);
        model.addAttribute("actual", actual);
        model.addAttribute("nowIndex", (int) forecast.intervals().stream().filter(p -> p.start().isBefore(now)).count());
        model.addAttribute("hasHistory", actualTotal > 0);
        model.addAttribute("nextWeek", Math.round(nextWeek));
        return "forecasts";
    }
}
