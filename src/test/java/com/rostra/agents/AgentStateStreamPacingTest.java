package com.rostra.agents;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.rostra.platform.DatabaseDialect;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Under a webhook burst a batch of agent states is applied every few milliseconds. The stream must not read the
 * realtime view once per batch (that kept a core busy and halved webhook intake in bench/run), yet every change must
 * still reach open streams promptly.
 */
@Timeout(30)
class AgentStateStreamPacingTest {

    private static final CompanyId COMPANY = new CompanyId(7);

    private final List<Long> reads = new CopyOnWriteArrayList<>();
    private final RealtimeView view = company -> {
        reads.add(System.nanoTime());
        return List.of();
    };
    private final AgentStateStream stream = new AgentStateStream(
            new StaticListableBeanFactory(Map.of("view", view)).getBeanProvider(RealtimeView.class), null, null, null,
            mock(DatabaseDialect.class));

    @AfterEach
    void stop() {
        stream.stop();
    }

    @Test
    void aBurstOfChangesIsReadInPacedDeliveriesAndTheLastChangeStillArrivesPromptly() throws Exception {
        stream.start();
        stream.open(COMPANY);
        reads.clear(); // the snapshot

        long start = System.nanoTime();
        int changes = 0;
        long lastChange = start;
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(400)) {
            lastChange = System.nanoTime();
            stream.onChange(new AgentStatesChanged(COMPANY, Set.of("agent-" + changes++)));
            Thread.sleep(1);
        }
        Thread.sleep(300);

        // One read per delivery gap at most (plus the first at once), however many batches were applied.
        long gaps = TimeUnit.MILLISECONDS.toNanos(400) / AgentStateStream.DELIVERY_GAP_NANOS;
        assertThat(changes).isGreaterThan(50);
        assertThat(reads.size()).isBetween(2, (int) gaps + 2);
        // The last change was delivered, within the stream's 200 ms goal.
        long lastRead = reads.get(reads.size() - 1);
        assertThat(lastRead).isGreaterThan(lastChange);
        assertThat(TimeUnit.NANOSECONDS.toMillis(lastRead - lastChange)).isLessThan(200);
    }

    @Test
    void aLoneChangeIsDeliveredAtOnce() throws Exception {
        stream.start();
        stream.open(COMPANY);
        Thread.sleep(2 * TimeUnit.NANOSECONDS.toMillis(AgentStateStream.DELIVERY_GAP_NANOS));
        reads.clear();
        long changed = System.nanoTime();
        stream.onChange(new AgentStatesChanged(COMPANY, Set.of("agent-1")));
        for (int i = 0; i < 100 && reads.isEmpty(); i++) Thread.sleep(5);
        assertThat(reads).hasSize(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(reads.get(0) - changed)).isLessThan(40);
    }
}
