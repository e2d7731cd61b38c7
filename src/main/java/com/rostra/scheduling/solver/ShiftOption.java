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
    private final boolean kept;
    /** Minute from the start where a shift that switches skill changes to its second one: the lunch's end, else the middle. */
    private final int switchMinute;
    /** How many of {@link #productiveQuarters} fall before the switch. */
    private final int quartersBeforeSwitch;

    private final Skill switchSkill;

    public ShiftOption(int id, int startMinute, int lengthMinutes, Skill skill, List<Block> blocks) {
        this(id, startMinute, lengthMinutes, skill, blocks, false, -1, null);
    }

    /**
     * A shift that works {@code skill} until its switch point (the lunch's end, else the middle) and {@code switchSkill}
     * after it: for people with several skills.
     */
    public ShiftOption(int id, int startMinute, int lengthMinutes, Skill skill, Skill switchSkill, List<Block> blocks) {
        this(id, startMinute, lengthMinutes, skill, blocks, false, -1, switchSkill);
    }

    /**
     * A kept shift as a (pinned) option: its times and paid minutes, no skill and no demand cells (what it staffs was
     * already taken off the requirements).
     */
    public static ShiftOption kept(int id, int startMinute, int lengthMinutes, int paidMinutes) {
        return new ShiftOption(id, startMinute, lengthMinutes, null, List.of(new Block(Block.Kind.WORK, 0, lengthMinutes)), true, paidMinutes, null);
    }

    private ShiftOption(int id, int startMinute, int lengthMinutes, Skill skill, List<Block> blocks, boolean kept, int paid, Skill switchSkill) {
        this.kept = kept;
        this.switchSkill = switchSkill;
        this.id = id;
        this.startMinute = startMinute;
        this.lengthMinutes = lengthMinutes;
        this.skill = skill;
        this.blocks = List.copyOf(blocks);
        this.paidMinutes = kept ? paid : lengthMinutes - this.blocks.stream().filter(b -> b.kind() == Block.Kind.LUNCH).mapToInt(Block::minutes).sum();
        int quarters = kept ? 0 : lengthMinutes / 15;
        int[] q = new int[quarters];
        int n = 0;
        for (int i = 0; i < quarters; i++) {
            double middle = i * 15 + 7.5;
            boolean work = this.blocks.stream().anyMatch(b -> b.kind() == Block.Kind.WORK && b.offsetMinutes() <= middle && middle < b.endMinutes());
            if (work) q[n++] = i;
        }
        this.productiveQuarters = java.util.Arrays.copyOf(q, n);
        this.switchMinute = this.blocks.stream().filter(b -> b.kind() == Block.Kind.LUNCH).mapToInt(Block::endMinutes).findFirst()
                .orElse(lengthMinutes / 2 / 15 * 15);
        int before = 0;
        for (int i = 0; i < n; i++) if (this.productiveQuarters[i] * 15 < switchMinute) before++;
        this.quartersBeforeSwitch = before;
    }

    /** The skill after the switch point, or null: one skill throughout. */
    public Skill switchSkill() {
        return switchSkill;
    }

    public int switchMinute() {
        return switchMinute;
    }

    int quartersBeforeSwitch() {
        return quartersBeforeSwitch;
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

    /** The skill worked; null for a kept shift. */
    public Skill skill() {
        return skill;
    }

    /** A shift scheduled before this generation and kept as it is. */
    public boolean isKept() {
        return kept;
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
        return String.format("%02d:%02d+%dm %s", startMinute / 60, startMinute % 60, lengthMinutes, kept ? "kept" : skill.channel() + (switchSkill == null ? "" : ">" + switchSkill.channel()));
    }
}
