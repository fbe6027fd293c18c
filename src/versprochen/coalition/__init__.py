"""The coalition wing: partners, rules, motions, positions, dissent, decision log, calendar."""
