package com.rostra.scheduling.solver;

import java.util.List;

/**
 * One way to work a day: a local start time, a length, where the breaks and the lunch fall, and the skill worked.
 * The same option serves every day (the day turns it into instants), so options are shared problem facts.
 * {@code productiveQuarters}: quarter hours from the start whose middle falls in a work block.
 */
public final class ShiftOption {

    private final int id;
    private final int startMinute;
    private final int lengthMinutes;
    private final Skill skill;
    private final List<Block> blocks;
    private final int paidMinutes;
    private final int[] productiveQuarters;

    public ShiftOption(int id, int startMinute, int lengthMinutes, Skill skill, List<Block> blocks) {
        this.id = id;
        this.startMinute = startMinute;
        this.lengthMinutes = lengthMinutes;
        this.skill = skill;
        this.blocks = List.copyOf(blocks);
        this.paidMinutes = lengthMinutes - this.blocks.stream().filter(b -> b.kind() == Block.Kind.LUNCH).mapToInt(Block::minutes).sum();
        int quarters = lengthMinutes / 15;
        int[] q = new int[quarters];
        int n = 0;
        for (int i = 0; i < quarters; i++) {
            double middle = i * 15 + 7.5;
            boolean work = this.blocks.stream().anyMatch(b -> b.kind() == Block.Kind.WORK && b.offsetMinutes() <= middle && middle < b.endMinutes());
            if (work) q[n++] = i;
        }
        this.productiveQuarters = java.util.Arrays.copyOf(q, n);
    }

    public int id() {
        return id;
    }

    /** Local minute of the day the shift starts (0–1439). */
    public int startMinute() {
        return startMinute;
    }

    public int lengthMinutes() {
        return lengthMinutes;
    }

    public int endMinute() {
        return startMinute + lengthMinutes;
    }

    public Skill skill() {
        return skill;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Length without the unpaid lunch: what counts against a contract. */
    public int paidMinutes() {
        return paidMinutes;
    }

    int[] productiveQuarters() {
        return productiveQuarters;
    }

    @Override
    public String toString() {
        return String.format("%02d:%02d+%dm %s", startMinute / 60, startMinute % 60, lengthMinutes, skill.channel());
    }
}
