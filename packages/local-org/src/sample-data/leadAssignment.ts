import type { Random } from './random.js';
import type { RepProfile, SalesTeam } from './salesTeam.js';

/** How a team's manager bends the round robin: a favourite who gets an extra lead each round, a rep often skipped. */
export interface BentRoundRobin {
  readonly favouriteId: string;
  readonly sidelinedId: string;
  /** Chance that the sidelined rep's turn is skipped. */
  readonly skipChance: number;
}

/**
 * Lead routing: each team's new leads go round-robin to the reps working that day, in a fixed order. Some managers
 * bend it (about two teams in five, at least one): their favourite (the rep with the most deal flow) gets a second
 * lead at the end of every round, and their least skilled rep's turn is skipped half the time.
 */
export class LeadRouter {
  private readonly teams = new Map<number, RepProfile[]>();
  private readonly next = new Map<number, number>();
  readonly bent = new Map<number, BentRoundRobin>();
  /** A favourite's extra lead is due at the end of the round. */
  private readonly extraDue = new Set<number>();

  /** `bentTeams`: the teams whose managers bend the round robin (default: drawn, about two in five, at least one). */
  constructor(
    team: SalesTeam,
    private readonly random: Random,
    bentTeams?: ReadonlySet<number>,
  ) {
    for (const rep of team.reps) this.teams.set(rep.team, [...(this.teams.get(rep.team) ?? []), rep]);
    const teamNumbers = [...this.teams.keys()].sort((a, b) => a - b);
    teamNumbers.forEach((t, i) => {
      const reps = this.teams.get(t) as RepProfile[];
      const drawn = random.chance(0.4) || (i === teamNumbers.length - 1 && this.bent.size === 0);
      if (reps.length < 2 || !(bentTeams ? bentTeams.has(t) : drawn)) return;
      const favourite = reps.reduce((a, b) => (b.weight > a.weight ? b : a));
      const sidelined = reps.filter((r) => r !== favourite).reduce((a, b) => (b.skill < a.skill ? b : a));
      this.bent.set(t, { favouriteId: favourite.id, sidelinedId: sidelined.id, skipChance: 0.5 });
    });
  }

  /** The rep of team `team` who gets the next lead arriving on `day` (null when nobody in the team works then). */
  ownerFor(team: number, day: number): RepProfile | null {
    const reps = this.teams.get(team) ?? [];
    const working = (r: RepProfile) => r.hireDay <= day && (r.leaveDay === null || day < r.leaveDay);
    const bent = this.bent.get(team);
    if (bent && this.extraDue.has(team)) {
      this.extraDue.delete(team);
      const favourite = reps.find((r) => r.id === bent.favouriteId);
      if (favourite && working(favourite)) return favourite;
    }
    for (let tries = 0; tries < 2 * reps.length; tries++) {
      const index = this.next.get(team) ?? 0;
      const rep = reps[index] as RepProfile;
      this.next.set(team, (index + 1) % reps.length);
      if (index + 1 === reps.length && bent) this.extraDue.add(team);
      if (!working(rep)) continue;
      if (bent && rep.id === bent.sidelinedId && this.random.chance(bent.skipChance)) continue;
      return rep;
    }
    return null;
  }
}
