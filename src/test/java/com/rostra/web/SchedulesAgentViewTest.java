package com.rostra.web;

import org.junit.jupiter.api.Test;

import com.rostra.support.ApiTest;
import com.rostra.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents read the team's schedule; the editing affordances (forms, drag script, remove buttons) are for planners. */
class SchedulesAgentViewTest extends ApiTest {

    @Test
    void agentsSeeTheScheduleWithoutEditingItAndManagersGetTheEditor() {
        TestCompany c = newCompany();
        String agentPage = PageSession.signIn(port, addUser(c, "agent", "Ann Agent"), USER_PASSWORD).get("/schedules");
        assertThat(agentPage).contains("<h1").doesNotContain("schedule-grid.js", "id=\"activity-form\"", "id=\"import-form\"");
        String managerPage = PageSession.signIn(port, addUser(c, "manager", "Max Manager"), USER_PASSWORD).get("/schedules");
        assertThat(managerPage).contains("schedule-grid.js", "id=\"activity-form\"", "id=\"import-form\"");
    }
}
