package com.rostra.gladly;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/** The company's Gladly inboxes (to show names instead of ids) and agents with their teams. */
@Component
class GladlyDirectory {

    private final JdbcClient jdbc;

    GladlyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void replaceInboxes(CompanyId company, List<GladlyClient.Inbox> inboxes) {
        jdbc.sql("delete from gladly_inboxes where company_id = ?").param(company.value()).update();
        for (GladlyClient.Inbox inbox : inboxes) {
            jdbc.sql("insert into gladly_inboxes (company_id, inbox_id, name) values (?, ?, ?)")
                    .params(company.value(), inbox.id(), inbox.name() == null ? inbox.id() : inbox.name()).update();
        }
    }

    Map<String, String> inboxNames(CompanyId company) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select inbox_id, name from gladly_inboxes where company_id = ?").param(company.value())
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    @Transactional
    void replaceAgents(CompanyId company, List<GladlyClient.Agent> agents, List<GladlyClient.Team> teams, Instant now) {
        Map<String, String> teamNames = new HashMap<>();
        for (GladlyClient.Team team : teams) {
            for (String agentId : team.agentIds()) {
                teamNames.merge(agentId, team.name(), (a, b) -> a + ", " + b);
            }
        }
        jdbc.sql("delete from gladly_agents where company_id = ?").param(company.value()).update();
        for (GladlyClient.Agent a : agents) {
            jdbc.sql("insert into gladly_agents (company_id, agent_id, name, email, team_names, seen_at) values (?, ?, ?, ?, ?, ?)")
                    .params(company.value(), a.id(), a.name() == null ? a.id() : a.name(), a.emailAddress(),
                            teamNames.get(a.id()), Db.ts(now)).update();
        }
    }

    long agentCount(CompanyId company) {
        return jdbc.sql("select count(*) from gladly_agents where company_id = ?").param(company.value()).query(Long.class).single();
    }

    static String teamList(List<GladlyClient.Team> teams) {
        return teams.stream().map(GladlyClient.Team::name).collect(Collectors.joining(", "));
    }
}
