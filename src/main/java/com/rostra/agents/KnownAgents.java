package com.rostra.agents;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.Db;
import com.rostra.tenancy.CompanyId;

/** The Gladly agents of a company's organization (from its directory), whether or not they are people yet. */
@Service
public class KnownAgents {

    public record KnownAgent(String gladlyAgentId, String name, String email, String teams) {}

    private final JdbcClient jdbc;

    KnownAgents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void replace(CompanyId company, List<KnownAgent> agents, Instant seenAt) {
        jdbc.sql("delete from gladly_agents where company_id = ?").param(company.value()).update();
        for (KnownAgent a : agents) {
            jdbc.sql("insert into gladly_agents (company_id, agent_id, name, email, team_names, seen_at) values (?, ?, ?, ?, ?, ?)")
                    .params(company.value(), a.gladlyAgentId(), a.name() == null ? a.gladlyAgentId() : a.name(), a.email(),
                            a.teams(), Db.ts(seenAt)).update();
        }
    }

    public List<KnownAgent> list(CompanyId company) {
        return jdbc.sql("select agent_id, name, email, team_names from gladly_agents where company_id = ? order by name")
                .param(company.value())
                .query((rs, i) -> new KnownAgent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }
}
