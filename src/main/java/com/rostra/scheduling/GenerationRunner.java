package com.rostra.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.rostra.agents.People;
import com.rostra.agents.Person;
import com.rostra.contacts.Channel;
import com.rostra.contacts.IntervalLength;
import com.rostra.platform.Db;
import com.rostra.scheduling.solver.Block;
import com.rostra.scheduling.solver.ScheduleSolution;
import com.rostra.scheduling.solver.Skill;
import com.rostra.scheduling.solver.SolverSetup;
import com.rostra.scheduling.solver.Staff;
import com.rostra.schedules.Activities;
import com.rostra.schedules.Activity;
import com.rostra.schedules.ActivityType;
import com.rostra.schedules.ActivityTypes;
import com.rostra.staffing.DeferredServiceLevels;
import com.rostra.staffing.HandleTimes;
import com.rostra.staffing.MeasuredPatience;
import com.rostra.staffing.Requirements;
import com.rostra.staffing.ServiceLevels;
import com.rostra.staffing.StaffingSettings;
import com.rostra.staffing.StaffingSettingsStore;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.CompanyId;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.constraint.ConstraintMatchTotal;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one generation inside its db-scheduler job: gathers the inputs (requirements per queue × channel, people with
 * their skills, contracts, availability, approved time off and already scheduled days), solves within the time
 * limit while storing the best score so far, and stores the proposed shifts and coverage.
 */
@Component
class GenerationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerationRunner.class);

    private final JdbcClient jdbc;
    private final Generations generations;
    private final GenerationScheduling.Launcher launcher;
    private final Companies companies;
    private final People people;
    private final Contracts contracts;
    private final TimeOff timeOff;
    private final ShiftRulesStore rules;
    private final Requirements requirements;
    private final StaffingSettingsStore staffingSettings;
    private final HandleTimes handleTimes;
    private final DeferredServiceLevels deferredServiceLevels;
    private final MeasuredPatience patience;
    private final Activities activities;
    private final ActivityTypes activityTypes;
    private final JsonMapper json;
    private final Clock clock;

    GenerationRunner(JdbcClient jdbc, Generations generations, GenerationScheduling.Launcher launcher, Companies companies,
                     People people, Contracts contracts, TimeOff timeOff, ShiftRulesStore rules, Requirements requirements,
                     StaffingSettingsStore staffingSettings, HandleTimes handleTimes, MeasuredPatience patience,
                     DeferredServiceLevels deferredServiceLevels, Activities activities, ActivityTypes activityTypes,
                     JsonMapper json, Clock clock) {
        this.deferredServiceLevels = deferredServiceLevels;
        this.handleTimes = handleTimes;
        this.patience = patience;
        this.jdbc = jdbc;
        this.generations = generations;
        this.launcher = launcher;
        this.companies = companies;
        this.people = people;
        this.contracts = contracts;
        this.timeOff = timeOff;
        this.rules = rules;
        this.requirements = requirements;
        this.staffingSettings = staffingSettings;
        this.activities = activities;
        this.activityTypes = activityTypes;
        this.json = json;
        this.clock = clock;
    }

    void run(long id) {
        Generations.Row row = generations.row(id).orElse(null);
        if (row == null || !(row.status().equals("queued") || row.status().equals("solving"))) return;
        // started_at: hand changes from this instant on survive publishing (the schedule is read after it).
        Instant now = clock.instant();
        if (jdbc.sql("""
                update schedule_generations set status = 'solving', updated_at = ?, started_at = coalesce(started_at, ?)
                where id = ? and status in ('queued', 'solving')""")
                .params(Db.ts(now), Db.ts(now), id).update() == 0) return;
        io.micrometer.core.instrument.Timer.Sample running = io.micrometer.core.instrument.Timer.start();
        String outcome = "done";
        try {
            solve(row);
            if (statusIs(id, "cancelled")) outcome = "cancelled";
        } catch (RuntimeException e) {
            outcome = "failed";
            log.warn("Schedule generation {} failed", id, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            jdbc.sql("update schedule_generations set status = 'failed', error = ?, updated_at = ? where id = ? and status = 'solving'")
                    .params(message.length() > 1900 ? message.substring(0, 1900) : message, Db.ts(clock.instant()), id).update();
        } finally {
            // Runs by outcome with their solving time (rostra_schedule_generations_seconds{outcome}).
            running.stop(io.micrometer.core.instrument.Metrics.timer("rostra.schedule.generations", "outcome", outcome));
            launcher.finished(id);
        }
    }

    private void solve(Generations.Row row) {
        CompanyId company = row.company();
        ZoneId zone = companies.get(company).timeZone();
        ShiftRules shiftRules = rules.get(company);
        Instant start = row.start();
        Instant end = row.end();
        int quarters = (int) (Duration.between(start, end).toMinutes() / 15);

        List<Person> chosen = people.list(company).stream()
                .filter(p -> row.personIds().isEmpty() ? p.staffable() : row.personIds().contains(p.id())).toList();
        List<Skill> skills = skills(row.queueIds(), chosen);
        Inputs inputs = staff(company, zone, shiftRules, start, end, chosen, skills, row.keepPublished());
        int[][] replaced = replacedAgents(company, inputs.replaced(), skills, start, quarters);
        int[][] required = new int[skills.size()][quarters];
        Forecast forecast = new Forecast(new StaffingSettings[skills.size()], new double[skills.size()][quarters], new int[skills.size()][quarters],
                new int[skills.size()][quarters]);
        for (Skill s : skills) {
            Channel channel = Channel.fromWire(s.channel()).orElseThrow();
            // The settings as the Staffing page plans with them: measured patience and handle time where they say so.
            StaffingSettings saved = staffingSettings.get(company, s.queueId() == null ? 0 : s.queueId(), s.channel());
            HandleTimes.Profiled profiled = handleTimes.resolve(company, s.queueId(), s.channel(), zone,
                    patience.resolve(company, s.queueId(), s.channel(), saved));
            StaffingSettings settings = profiled.settings();
            forecast.settings()[s.index()] = settings;
            List<Requirements.Requirement> reqs = requirements.requirements(company, s.queueId(), channel, start, end,
                    IntervalLength.MINUTES_15, zone, settings, profiled.profile());
            for (Requirements.Requirement r : reqs) {
                long minutes = Duration.between(start, r.start()).toMinutes();
                if (minutes < 0 || minutes % 15 != 0 || minutes / 15 >= quarters) continue;
                int q = (int) (minutes / 15);
                // Agents already scheduled, less those on shifts this generation replaces (they are planned again).
                int already = Math.max(0, (r.scheduledAgents() == null ? 0 : r.scheduledAgents()) - replaced[s.index()][q]);
                required[s.index()][q] = Math.max(0, r.requiredWithShrinkage() - already);
                forecast.volume()[s.index()][q] = r.forecastVolume();
                forecast.aht()[s.index()][q] = r.ahtSeconds() == null ? settings.ahtSeconds() : r.ahtSeconds();
                forecast.already()[s.index()][q] = already;
            }
        }
        List<Staff> staff = inputs.staff();
        ScheduleSolution problem = ScheduleProblem.build(shiftRules, zone, start, end, skills, required, staff, row.skillSwitch());

        SolverFactory<ScheduleSolution> factory = SolverSetup.factory(Duration.ofSeconds(row.timeLimitSeconds()), Duration.ofSeconds(5));
        ScheduleSolution best;
        if (problem.getAssignments().isEmpty()) {
            best = problem;
            SolutionManager.create(factory).update(best);
        } else {
            Solver<ScheduleSolution> solver = factory.buildSolver();
            launcher.solving(row.id(), solver);
            AtomicLong lastWrite = new AtomicLong();
            solver.addEventListener(event -> {
                long now = System.nanoTime();
                if (now - lastWrite.get() < 1_000_000_000L) return;
                lastWrite.set(now);
                String status = jdbc.sql("select status from schedule_generations where id = ?").param(row.id()).query(String.class).single();
                if (status.equals("cancelled")) solver.terminateEarly();
                jdbc.sql("update schedule_generations set score = ?, updated_at = ? where id = ? and status = 'solving'")
                        .params(event.getNewBestScore().toString(), Db.ts(clock.instant()), row.id()).update();
            });
            if (!statusIs(row.id(), "cancelled")) best = solver.solve(problem);
            else best = problem;
        }
        HardSoftLongScore score = best.getScore();
        int hardViolations = 0;
        SolutionManager<ScheduleSolution, HardSoftLongScore> manager = SolutionManager.create(factory);
        List<GenerationResult.ConstraintScore> explained = new ArrayList<>();
        for (ConstraintMatchTotal<HardSoftLongScore> total : manager.explain(best).getConstraintMatchTotalMap().values()) {
            if (total.getScore().hardScore() < 0) hardViolations += total.getConstraintMatchCount();
            if (total.getConstraintMatchCount() > 0) {
                explained.add(new GenerationResult.ConstraintScore(total.getConstraintRef().constraintName(), total.getScore().hardScore(),
                        total.getScore().softScore(), total.getConstraintMatchCount()));
            }
        }
        explained.sort((a, b) -> a.hard() != b.hard() ? Long.compare(a.hard(), b.hard()) : Long.compare(a.soft(), b.soft()));
        GenerationResult result = result(company, zone, start, end, skills, best, forecast, explained,
                inputs.replaced().stream().map(Activity::id).sorted().toList());
        io.micrometer.core.instrument.Metrics.summary("rostra.schedule.generation.hard.violations").record(hardViolations);
        if (score != null) {
            io.micrometer.core.instrument.Metrics.summary("rostra.schedule.generation.soft.score").record(-score.softScore());
        }
        jdbc.sql("""
                update schedule_generations set status = case when status = 'cancelled' then 'cancelled' else 'done' end,
                    score = ?, hard_violations = ?, result = ?, updated_at = ?
                where id = ? and status in ('solving', 'cancelled')""")
                .params(score == null ? null : score.toString(), hardViolations, json.writeValueAsString(result), Db.ts(clock.instant()), row.id())
                .update();
    }

    private boolean statusIs(long id, String status) {
        return status.equals(jdbc.sql("select status from schedule_generations where id = ?").param(id).query(String.class).single());
    }

    /** Without queues: each channel someone chosen works, all queues together. With queues: each queue × channel. */
    static List<Skill> skills(List<Long> queueIds, List<Person> chosen) {
        Set<String> channels = new LinkedHashSet<>();
        for (Channel c : Channel.values()) {
            if (chosen.stream().anyMatch(p -> p.channels().contains(c.wireName()))) channels.add(c.wireName());
        }
        List<Skill> skills = new ArrayList<>();
        if (queueIds.isEmpty()) {
            for (String c : channels) skills.add(new Skill(skills.size(), null, c));
        } else {
            for (Long q : queueIds) {
                for (String c : channels) {
                    boolean someone = chosen.stream().anyMatch(p -> p.channels().contains(c) && (p.queueIds().isEmpty() || p.queueIds().contains(q)));
                    if (someone) skills.add(new Skill(skills.size(), q, c));
                }
            }
        }
        return skills;
    }

    /** The people to plan, and the published activities this generation replaces (removed when it is published). */
    record Inputs(List<Staff> staff, List<Activity> replaced) {}

    /**
     * The people as the solver sees them. Their scheduled activities around the horizon (the weeks it touches, and a
     * day either side) are grouped into shifts ({@link ContractWarnings#SHIFT_GAP}). A shift inside the horizon made only
     * of unlocked work and breaks is replaced (unless {@code keepPublished}); every other shift is kept: inside the
     * horizon it pins its day, outside it counts for its week's hours and days and for rest. Time off activities and
     * approved time off block their time.
     */
    private Inputs staff(CompanyId company, ZoneId zone, ShiftRules shiftRules, Instant start, Instant end, List<Person> chosen,
                         List<Skill> skills, boolean keepPublished) {
        Map<Long, Contract> contractOf = contracts.contracts(company, chosen.stream().map(Person::id).toList());
        Map<Long, List<Contracts.Minutes>> windowsOf = contracts.windows(company);
        Map<Long, List<Staff.Blocked>> blockedOf = new HashMap<>();
        for (TimeOff.Request r : timeOff.list(company, start, end, null, "approved")) {
            blockedOf.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(new Staff.Blocked(r.start(), r.end()));
        }
        LocalDate firstDay = LocalDate.ofInstant(start, zone);
        LocalDate lastDay = LocalDate.ofInstant(end.minusSeconds(1), zone);
        Instant around = firstDay.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .minusDays(1).atStartOfDay(zone).toInstant();
        Instant aroundEnd = lastDay.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY))
                .plusDays(2).atStartOfDay(zone).toInstant();
        Map<Long, List<Activity>> activitiesOf = new HashMap<>();
        for (Activity a : activities.list(company, around, aroundEnd, null)) activitiesOf.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a);
        List<Staff> result = new ArrayList<>();
        List<Activity> replaced = new ArrayList<>();
        for (Person p : chosen) {
            Set<Integer> personSkills = new HashSet<>();
            for (Skill s : skills) {
                if (p.channels().contains(s.channel()) && (s.queueId() == null || p.queueIds().isEmpty() || p.queueIds().contains(s.queueId()))) {
                    personSkills.add(s.index());
                }
            }
            if (personSkills.isEmpty()) continue;
            List<Staff.Blocked> blocked = new ArrayList<>(blockedOf.getOrDefault(p.id(), List.of()));
            List<Staff.Kept> kept = new ArrayList<>();
            List<Activity> work = new ArrayList<>();
            for (Activity a : activitiesOf.getOrDefault(p.id(), List.of())) {
                if (ContractWarnings.counts(a)) work.add(a);
                else blocked.add(new Staff.Blocked(a.start(), a.end()));
            }
            for (List<Activity> shift : Activities.shifts(work, ContractWarnings.SHIFT_GAP)) {
                Instant from = shift.get(0).start();
                Instant to = shift.stream().map(Activity::end).max(Instant::compareTo).orElseThrow();
                boolean inside = !from.isBefore(start) && !to.isAfter(end);
                boolean replaceable = inside && !keepPublished && shift.stream().allMatch(a -> !a.locked()
                        && (a.category().equals("productive") || a.category().equals("break")));
                if (replaceable) {
                    replaced.addAll(shift);
                    continue;
                }
                LocalDate day = LocalDate.ofInstant(from, zone);
                kept.add(new Staff.Kept(from, to, (int) ContractWarnings.paidMinutes(shift), day, inside));
                if (inside) {
                    blocked.add(new Staff.Blocked(from, to));
                } else {
                    // Partly or wholly outside: its days get no other shift.
                    LocalDate last = LocalDate.ofInstant(to.minusSeconds(1), zone);
                    blocked.add(new Staff.Blocked(day.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant()));
                }
            }
            Contract c = contractOf.get(p.id());
            int rest = c.minRestHours() != null ? c.minRestHours() : shiftRules.minRestHours();
            List<Staff.Window> windows = windowsOf.getOrDefault(p.id(), List.of()).stream()
                    .map(m -> new Staff.Window(m.day(), m.start(), m.end(), m.preferred())).toList();
            result.add(new Staff(p.id(), personSkills, c.minHoursPerWeek() * 60, c.maxHoursPerWeek() * 60, c.maxDaysPerWeek(), rest * 60,
                    windows, blocked, kept));
        }
        return new Inputs(result, replaced);
    }

    /**
     * Per skill and quarter hour, the agents on replaced shifts, counted as staffing counts scheduled agents
     * (a productive activity on the skill's channel, or on any channel, at the middle of the interval).
     */
    private int[][] replacedAgents(CompanyId company, List<Activity> replaced, List<Skill> skills, Instant start, int quarters) {
        int[][] counts = new int[skills.size()][quarters];
        if (replaced.isEmpty()) return counts;
        Map<Long, ActivityType> types = new HashMap<>();
        activityTypes.list(company).forEach(t -> types.put(t.id(), t));
        for (Activity a : replaced) {
            ActivityType t = types.get(a.activityTypeId());
            if (t == null || !t.productive()) continue;
            for (Skill s : skills) {
                if (t.channel() != null && !t.channel().equals(s.channel())) continue;
                for (int q = 0; q < quarters; q++) {
                    Instant middle = start.plusSeconds(900L * q + 450);
                    if (!a.start().isAfter(middle) && a.end().isAfter(middle)) counts[s.index()][q]++;
                }
            }
        }
        return counts;
    }

    /**
     * Per skill: staffing settings, and per quarter hour of the horizon forecast volume, agents already scheduled and the
     * handle time planned with (measured per hour of the week, or the settings').
     */
    record Forecast(StaffingSettings[] settings, double[][] volume, int[][] already, int[][] aht) {}

    private GenerationResult result(CompanyId company, ZoneId zone, Instant start, Instant end, List<Skill> skills,
                                    ScheduleSolution best, Forecast forecast,
                                    List<GenerationResult.ConstraintScore> explained, List<Long> replacedIds) {
        List<ActivityType> types = activityTypes.list(company);
        List<GenerationResult.Shift> shifts = new ArrayList<>();
        for (ScheduleProblem.Shift s : ScheduleProblem.shifts(best)) {
            List<GenerationResult.ShiftActivity> acts = new ArrayList<>();
            for (ScheduleProblem.Part part : s.parts()) {
                ActivityType t = type(types, part.kind(), part.skill() == null ? s.skill().channel() : part.skill().channel());
                acts.add(new GenerationResult.ShiftActivity(t.id(), t.name(), part.start(), part.end(),
                        part.skill() == null ? null : part.skill().queueId(), part.skill() == null ? null : part.skill().channel()));
            }
            shifts.add(new GenerationResult.Shift(s.personId(), s.start(), s.end(), s.skill().queueId(), s.skill().channel(), acts));
        }
        List<GenerationResult.Interval> intervals = new ArrayList<>();
        long required = 0, scheduled = 0, under = 0;
        double weightedLevel = 0, liveVolume = 0, weightedDeferred = 0, deferredVolume = 0;
        List<ScheduleProblem.Cell> cells = ScheduleProblem.coverage(best);
        List<List<Double>> deferred = deferredLevels(company, zone, start, end, skills, forecast, cells);
        for (ScheduleProblem.Cell c : cells) {
            int k = c.skill().index();
            int q = c.quarter();
            double volume = forecast.volume()[k][q];
            StaffingSettings settings = forecast.settings()[k];
            if (forecast.aht()[k][q] > 0) settings = settings.withAht(forecast.aht()[k][q]);
            Double level;
            if (settings.slaWindowHours() != null) {
                level = q < deferred.get(k).size() ? deferred.get(k).get(q) : null;
                if (level != null) {
                    weightedDeferred += level * volume;
                    deferredVolume += volume;
                }
            } else {
                level = ServiceLevels.expected(settings, volume, 900, forecast.already()[k][q] + c.scheduled());
                if (level != null) {
                    weightedLevel += level * volume;
                    liveVolume += volume;
                }
            }
            intervals.add(new GenerationResult.Interval(c.start(), c.skill().queueId(), c.skill().channel(), c.required(), c.scheduled(),
                    Math.round(volume * 100) / 100.0, level));
            required += c.required();
            scheduled += c.scheduled();
            under += Math.max(0, c.required() - c.scheduled());
        }
        intervals.sort((a, b) -> a.start().equals(b.start()) ? 0 : a.start().compareTo(b.start()));
        Double expected = liveVolume > 0 ? Math.round(weightedLevel / liveVolume * 10_000) / 10_000.0 : null;
        Double expectedDeferred = deferredVolume > 0 ? Math.round(weightedDeferred / deferredVolume * 10_000) / 10_000.0 : null;
        return new GenerationResult(new GenerationResult.Coverage(required / 4.0, scheduled / 4.0, under / 4.0, expected,
                expectedDeferred, intervals), shifts, explained, replacedIds);
    }

    /**
     * Per deferred skill and quarter hour, the share of arriving contacts answered within the SLA window with the
     * agents already scheduled plus those generated; empty lists for live skills.
     */
    private List<List<Double>> deferredLevels(CompanyId company, ZoneId zone, Instant start, Instant end, List<Skill> skills,
                                              Forecast forecast, List<ScheduleProblem.Cell> cells) {
        List<List<Double>> result = new ArrayList<>();
        int quarters = (int) (Duration.between(start, end).toMinutes() / 15);
        for (Skill s : skills) {
            StaffingSettings settings = forecast.settings()[s.index()];
            if (settings == null || settings.slaWindowHours() == null) {
                result.add(List.of());
                continue;
            }
            double[] people = new double[quarters];
            for (int q = 0; q < quarters; q++) people[q] = forecast.already()[s.index()][q];
            for (ScheduleProblem.Cell c : cells) if (c.skill().index() == s.index() && c.quarter() < quarters) people[c.quarter()] += c.scheduled();
            result.add(deferredServiceLevels.expected(company, s.queueId(), Channel.fromWire(s.channel()).orElseThrow(), start, end,
                    zone, settings, people));
        }
        return result;
    }

    /** The activity type a block becomes: the channel's productive type (else a productive one for any channel), Break, Lunch. */
    static ActivityType type(List<ActivityType> types, Block.Kind kind, String channel) {
        if (kind == Block.Kind.WORK) {
            return types.stream().filter(t -> t.productive() && channel.equals(t.channel())).findFirst()
                    .or(() -> types.stream().filter(t -> t.productive() && t.channel() == null).findFirst())
                    .or(() -> types.stream().filter(ActivityType::productive).findFirst())
                    .orElseThrow(() -> new IllegalStateException("the company has no productive activity type"));
        }
        String name = kind == Block.Kind.LUNCH ? "Lunch" : "Break";
        return types.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                .or(() -> types.stream().filter(t -> t.category().equals("break")).findFirst())
                .or(() -> types.stream().filter(t -> !t.productive()).findFirst())
                .orElseThrow(() -> new IllegalStateException("the company has no break activity type"));
    }
}
