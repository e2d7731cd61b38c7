package com.rostra.scheduling.solver;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** The problem and its answer: people × days with their chosen shifts, against the demand per skill and quarter. */
@PlanningSolution
public class ScheduleSolution {

    @ProblemFactCollectionProperty
    private List<Staff> staff;
    @ProblemFactCollectionProperty
    private List<StaffWeek> weeks;
    @ProblemFactCollectionProperty
    private List<Demand> demands;
    @PlanningEntityCollectionProperty
    private List<ShiftAssignment> assignments;
    @PlanningScore
    private HardSoftLongScore score;

    public ScheduleSolution() {
    }

    public ScheduleSolution(List<Staff> staff, List<StaffWeek> weeks, List<Demand> demands, List<ShiftAssignment> assignments) {
        this.staff = staff;
        this.weeks = weeks;
        this.demands = demands;
        this.assignments = assignments;
    }

    public List<Staff> getStaff() {
        return staff;
    }

    public List<StaffWeek> getWeeks() {
        return weeks;
    }

    public List<Demand> getDemands() {
        return demands;
    }

    public List<ShiftAssignment> getAssignments() {
        return assignments;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
