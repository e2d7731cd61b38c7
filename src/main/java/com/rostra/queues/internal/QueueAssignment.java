package com.rostra.queues.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.context.ApplicationEventPublisher;

import com.rostra.contacts.ContactsChanged;
import com.rostra.platform.Db;
import com.rostra.queues.AssignmentStatus;
import com.rostra.queues.ContactsAssigned;
import com.rostra.queues.QueueRulesChanged;
import com.rostra.queues.Queues;
import com.rostra.tenancy.CompanyId;

/**
 * Keeps every contact's queue assignment in line with the company's rules. New and updated contacts are
 * classified in the transaction that stores them ({@link ContactsChanged}); every settled range is announced once
 * as {@link ContactsAssigned}, which volume aggregates. A rule change bumps the company's rules version; a small
 * history is re-assigned at once, a large one by a background job (once across the cluster) in chunks whose
 * progress is stored, so the page can show it and a crash resumes at the last chunk.
 */
@Service
public class QueueAssignment {

    private static final Logger log = LoggerFactory.getLogger(QueueAssignment.class);

    private final JdbcClient jdbc;
    private final Queues queues;
    private final ContactClassifier classifier;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long inlineLimit;
    private final int chunkSize;

    QueueAssignment(JdbcClient jdbc, Queues queues, ContactClassifier classifier, TransactionTemplate transactions,
                    ApplicationEventPublisher events, Clock clock, @Value("${rostra.queues.inline-reassign-limit:20000}") long inlineLimit,
                    @Value("${rostra.queues.reassign-chunk:20000}") int chunkSize) {
        this.jdbc = jdbc;
        this.queues = queues;
        this.classifier = classifier;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.inlineLimit = inlineLimit;
        this.chunkSize = chunkSize;
    }

    @EventListener
    void onContactsChanged(ContactsChanged changed) {
        Classification classification = queues.classification(changed.companyId());
        // Without queues or exclusions every contact is in no queue and counted, which is how contacts are stored.
        if (!classification.isEmpty()) {
            classifier.classifyQueued(changed.companyId(), classification, changed.from(), changed.to());
        }
        events.publishEvent(new ContactsAssigned(changed.companyId(), changed.from(), changed.to()));
    }

    /** Runs in the transaction that changed the rules, so the new version and the new rules commit together. */
    @EventListener
    void onRulesChanged(QueueRulesChanged changed) {
        CompanyId company = changed.companyId();
        int bumped = jdbc.sql("update queue_assignments set rules_version = rules_version + 1 where company_id = ?")
                .param(company.value()).update();
        if (bumped == 0) {
            jdbc.sql("insert into queue_assignments (company_id, rules_version, applied_version) values (?, 1, 0)")
                    .param(company.value()).update();
        }
        long total = classifier.countAfter(company, 0);
        if (total <= inlineLimit) {
            long version = status(company).rulesVersion();
            classifyIds(company, queues.classification(company), 0, Long.MAX_VALUE);
            Instant now = clock.instant();
            jdbc.sql("""
                    update queue_assignments set applied_version = ?, running_version = null, cursor_id = 0, done = ?,
                        total = ?, started_at = ?, finished_at = ? where company_id = ?""")
                    .params(version, total, total, Db.ts(now), Db.ts(now), company.value()).update();
        }
    }

    /** One chunk of a history re-assignment; announces the queued range it touched when anything changed. */
    private void classifyIds(CompanyId company, Classification classification, long afterId, long upToId) {
        if (classifier.classifyIds(company, classification, afterId, upToId) > 0) {
            Instant[] range = classifier.queuedRange(company, afterId, upToId);
            if (range != null) {
                events.publishEvent(new ContactsAssigned(company, range[0], range[1]));
            }
        }
    }

    public AssignmentStatus status(CompanyId company) {
        return queues.assignmentStatus(company);
    }

    /** The background job: every company whose contacts lag behind its rules. */
    void reassignPending() {
        List<Long> companies = jdbc.sql("select company_id from queue_assignments where applied_version < rules_version")
                .query(Long.class).list();
        for (Long id : companies) {
            try {
                reassign(new CompanyId(id));
            } catch (RuntimeException e) {
                log.warn("re-assigning contacts to queues failed; retrying on the next run", e);
            }
        }
    }

    void reassign(CompanyId company) {
        while (true) {
            AssignmentStatus state = status(company);
            if (state.appliedVersion() >= state.rulesVersion()) {
                return;
            }
            long version = state.rulesVersion();
            long cursor = resumeOrStart(company, version);
            Classification classification = queues.classification(company);
            boolean superseded = false;
            ContactClassifier.Chunk chunk;
            while (!superseded && (chunk = classifier.nextChunk(company, cursor, chunkSize)) != null) {
                long from = cursor;
                ContactClassifier.Chunk c = chunk;
                transactions.executeWithoutResult(tx -> {
                    classifyIds(company, classification, from, c.endId());
                    jdbc.sql("update queue_assignments set cursor_id = ?, done = done + ? where company_id = ? and running_version = ?")
                            .params(c.endId(), c.size(), company.value(), version).update();
                });
                cursor = c.endId();
                superseded = status(company).rulesVersion() != version;
            }
            if (!superseded) {
                jdbc.sql("""
                        update queue_assignments set applied_version = ?, running_version = null, finished_at = ?
                        where company_id = ? and rules_version = ?""")
                        .params(version, Db.ts(clock.instant()), company.value(), version).update();
            }
        }
    }

    /** Continues an interrupted run of the same rules version from its cursor; otherwise starts over. */
    private long resumeOrStart(CompanyId company, long version) {
        Long running = jdbc.sql("select running_version from queue_assignments where company_id = ?")
                .param(company.value()).query(Long.class).optional().orElse(null);
        if (running != null && running == version) {
            return jdbc.sql("select cursor_id from queue_assignments where company_id = ?").param(company.value())
                    .query(Long.class).single();
        }
        jdbc.sql("""
                update queue_assignments set running_version = ?, cursor_id = 0, done = 0, total = ?, started_at = ?,
                    finished_at = null where company_id = ?""")
                .params(version, classifier.countAfter(company, 0), Db.ts(clock.instant()), company.value()).update();
        return 0;
    }
}
