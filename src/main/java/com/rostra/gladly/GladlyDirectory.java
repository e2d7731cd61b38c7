package com.rostra.gladly;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.agents.KnownAgents;
import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/** The company's Gladly inboxes (to show names instead of ids) and agents with their teams. */
@Component
class GladlyDirectory {

    private final JdbcClient jdbc;
    private final KnownAgents knownAgents;

    GladlyDirectory(JdbcClient jdbc, KnownAgents knownAgents) {
        this.jdbc = jdbc;
        this.knownAgents = knownAgents;
    }

    @Transactional
    void replaceInboxes(CompanyId company, List<GladlyClient.Inbox> inboxes) {
        jdbc.sql("delete from gladly_inboxes where company_id = ?").param(company.value()).update();
        for (GladlyClient.Inbox inbox : inboxes) {
            if (inbox.id() == null || inbox.id().length() > 64) {
                continue; // not an id Rostra can key contacts by; its contacts show the raw id
            }
            jdbc.sql("insert into gladly_inboxes (company_id, inbox_id, name) values (?, ?, ?)")
                    .params(company.value(), inbox.id(), Db.fit(inbox.name() == null ? inbox.id() : inbox.name(), 300)).update();
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

    void replaceAgents(CompanyId company, List<GladlyClient.Agent> agents, List<GladlyClient.Team> teams, Instant now) {
        Map<String, String> teamNames = new HashMap<>();
        for (GladlyClient.Team team : teams) {
            for (String agentId : team.agentIds()) {
                teamNames.merge(agentId, team.name(), (a, b) -> a + ", " + b);
            }
        }
        // Names are labels: stored shortened to their columns rather than failing the whole directory.
        knownAgents.replace(company, agents.stream()
                .filter(a -> a.id() != null && a.id().length() <= 64)
                .map(a -> new KnownAgents.KnownAgent(a.id(), Db.fit(a.name(), 300), Db.fit(a.emailAddress(), 320),
                        Db.fit(teamNames.get(a.id()), 1000))).toList(), now);
    }

}
