import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.rostra.scheduling.ScheduleProblem;
import com.rostra.scheduling.ShiftRules;
import com.rostra.scheduling.solver.ScheduleSolution;
import com.rostra.scheduling.solver.Skill;
import com.rostra.scheduling.solver.SolverSetup;
import com.rostra.scheduling.solver.Staff;

import ai.timefold.solver.core.api.solver.Solver;

/**
 * Schedule generation benchmark, solver only (no HTTP, no database): N people × 1 week × 5 queues at 15 minutes,
 * demand shaped like a contact center's day, contracted hours ≥ 110 % of the required agent-hours.
 * Prints hard violations, under-coverage as a share of required agent-hours, and when the best result was found.
 * Usage: java -cp ... bench/ScheduleBench.java [people] [seconds]
 */
public class ScheduleBench {

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        ZoneId zone = ZoneId.of("America/New_York");
        LocalDate monday = LocalDate.of(2026, 12, 7);
        Instant start = monday.atStartOfDay(zone).toInstant();
        Instant end = monday.plusDays(7).atStartOfDay(zone).toInstant();
        int quarters = (int) (Duration.between(start, end).toMinutes() / 15);
        List<Skill> skills = new ArrayList<>();
        for (int q = 0; q < 5; q++) skills.add(new Skill(q, (long) (q + 1), "phone"));

        Random random = new Random(42);
        List<Staff> staff = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            Set<Integer> s = new HashSet<>();
            s.add(p % 5);
            if (p % 3 == 0) s.add((p + 1 + random.nextInt(4)) % 5);
            staff.add(new Staff(p + 1, s, 32 * 60, 40 * 60, 5, 11 * 60, List.of(), List.of()));
        }
        // Productive capacity: 5 shifts × (8 h − 30 min lunch − 2 × 15 min breaks) = 35 h a person.
        double capacity = people * 35.0;
        double target = capacity / 1.10;
        double[] shape = new double[quarters];
        double total = 0;
        for (int q = 0; q < quarters; q++) {
            Instant t = start.plus(Duration.ofMinutes(15L * q));
            var local = t.atZone(zone);
            double hour = local.getHour() + local.getMinute() / 60.0;
            boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
            double open = weekend ? 9 : 7, close = weekend ? 18 : 21;
            double v = hour < open || hour >= close ? 0 : Math.sin(Math.PI * (hour - open) / (close - open)) + 0.35;
            shape[q] = weekend ? v * 0.5 : v;
            total += shape[q];
        }
        int[][] required = new int[5][quarters];
        double requiredHours = 0;
        for (int s = 0; s < 5; s++) {
            for (int q = 0; q < quarters; q++) {
                required[s][q] = (int) Math.floor(target / 5 * 4 * shape[q] / total);
                requiredHours += required[s][q] / 4.0;
            }
        }
        ShiftRules rules = ShiftRules.DEFAULTS;
        // Third argument "switch": also offer shifts that switch queue at lunch (as a generation with skill_switch: true).
        boolean allowSwitch = args.length >= 3 && args[2].equals("switch");
        ScheduleSolution problem = ScheduleProblem.build(rules, zone, start, end, skills, required, staff, allowSwitch);
        System.out.println("skill switches inside shifts: " + (allowSwitch ? "offered" : "off"));
        System.out.printf("people %d, queues 5, quarters %d, entities %d, required %.0f agent-hours, productive capacity %.0f (%.0f %%)%n",
                people, quarters, problem.getAssignments().size(), requiredHours, capacity, 100 * capacity / requiredHours);

        long t0 = System.nanoTime();
        long[] bestAt = {0, 0, 0};
        final double goal = 0.05 * requiredHours;
        Solver<ScheduleSolution> solver = SolverSetup.factory(Duration.ofSeconds(seconds), Duration.ofSeconds(seconds)).buildSolver();
        solver.addEventListener(e -> {
            long now = System.nanoTime();
            bestAt[0] = now;
            // Once a half second at most: when did the best schedule first reach the 5 % goal?
            if (bestAt[1] == 0 && e.getNewBestSolution().getScore().hardScore() == 0 && now - bestAt[2] > 500_000_000L) {
                bestAt[2] = now;
                double short_ = 0;
                for (ScheduleProblem.Cell c : ScheduleProblem.coverage(e.getNewBestSolution())) short_ += Math.max(0, c.required() - c.scheduled()) / 4.0;
                if (short_ <= goal) bestAt[1] = now;
            }
        });
        ScheduleSolution best = solver.solve(problem);
        double elapsed = (System.nanoTime() - t0) / 1e9;

        double under = 0, over = 0, scheduled = 0;
        for (ScheduleProblem.Cell c : ScheduleProblem.coverage(best)) {
            under += Math.max(0, c.required() - c.scheduled()) / 4.0;
            over += Math.max(0, c.scheduled() - c.required()) / 4.0;
            scheduled += c.scheduled() / 4.0;
        }
        System.out.printf("score %s%nhard violations: %s%n", best.getScore(), best.getScore().hardScore() == 0 ? "0" : "YES " + best.getScore().hardScore());
        System.out.printf("under-coverage %.1f agent-hours = %.2f %% of required (goal <= 5 %%); over-coverage %.1f; scheduled productive %.0f%n",
                under, 100 * under / requiredHours, over, scheduled);
        long switching = best.getAssignments().stream().filter(a -> a.isSwitching()).count();
        System.out.printf("shifts switching queue at lunch: %d%n", switching);
        System.out.printf("shifts %d; solve time %.1f s; best found at %.1f s; under-coverage first <= 5 %% at %s (%d cores)%n",
                ScheduleProblem.shifts(best).size(), elapsed, (bestAt[0] - t0) / 1e9,
                bestAt[1] == 0 ? "never" : String.format("%.1f s", (bestAt[1] - t0) / 1e9), Runtime.getRuntime().availableProcessors());
    }
}
