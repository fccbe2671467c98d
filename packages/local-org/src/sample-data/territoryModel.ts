import type { Row } from './catalog.js';
import type { Random } from './random.js';
import type { KeyPrefixObject } from './salesforceId.js';
import type { SalesTeam } from './salesTeam.js';

export interface TerritoryPlan {
  readonly models: Row[];
  readonly territories: Row[];
  readonly userAssociations: Row[];
  /** Leaf territories of the active model per region (LATAM included, which no rep covers). */
  readonly leavesByRegion: ReadonlyMap<string, readonly string[]>;
  /** Rep user Ids per active leaf territory. */
  readonly repsByTerritory: ReadonlyMap<string, readonly string[]>;
}

/** The region that has accounts and potential but no rep: a coverage gap in every sample org. */
export const UNCOVERED_REGION = 'LATAM';

/**
 * An active territory model (Global → regions → leaf territories, plus an uncovered LATAM territory) and last
 * year's archived model, which the engine must ignore. Reps are assigned round-robin to their region's leaves.
 */
export function buildTerritoryModel(
  random: Random,
  team: SalesTeam,
  newId: (object: KeyPrefixObject) => string,
  fiscalYearName: number,
): TerritoryPlan {
  const models: Row[] = [];
  const territories: Row[] = [];
  const userAssociations: Row[] = [];
  const leavesByRegion = new Map<string, string[]>();
  const repsByTerritory = new Map<string, string[]>();
  const regionType = newId('Territory2Type');
  const segmentType = newId('Territory2Type');

  const archivedId = newId('Territory2Model');
  models.push({ Id: archivedId, Name: `FY${fiscalYearName - 1} Sales Territories`, State: 'Archived' });
  for (const region of team.regions) {
    const id = newId('Territory2');
    territories.push(territory(id, `${region} (FY${fiscalYearName - 1})`, archivedId, null, regionType, null));
    const formerRep = team.reps.find((r) => r.region === region);
    if (formerRep) {
      userAssociations.push({
        Id: newId('UserTerritory2Association'),
        UserId: formerRep.id,
        Territory2Id: id,
        IsActive: false,
        RoleInTerritory2: 'Account Executive',
      });
    }
  }

  const activeId = newId('Territory2Model');
  models.push({ Id: activeId, Name: `FY${fiscalYearName} Sales Territories`, State: 'Active' });
  const globalId = newId('Territory2');
  territories.push(territory(globalId, 'Global', activeId, null, regionType, team.vpId));
  for (const region of team.regions) {
    const regionId = newId('Territory2');
    const managers = team.managersByRegion.get(region) ?? [];
    territories.push(territory(regionId, region, activeId, globalId, regionType, managers[0] ?? null));
    const regionReps = team.reps.filter((r) => r.region === region);
    const leafCount = Math.max(1, Math.round(regionReps.length / 5));
    const leaves: string[] = [];
    for (let k = 0; k < leafCount; k++) {
      const id = newId('Territory2');
      leaves.push(id);
      repsByTerritory.set(id, []);
      const name = leafCount === 1 ? `${region} Accounts` : `${region} ${k + 1}`;
      territories.push(
        territory(id, name, activeId, regionId, segmentType, managers[k % Math.max(1, managers.length)] ?? null),
      );
    }
    leavesByRegion.set(region, leaves);
    regionReps.forEach((rep, i) => {
      const leaf = leaves[i % leaves.length] as string;
      rep.territoryIds.push(leaf);
      repsByTerritory.get(leaf)?.push(rep.id);
      userAssociations.push({
        Id: newId('UserTerritory2Association'),
        UserId: rep.id,
        Territory2Id: leaf,
        IsActive: rep.leaveDay === null,
        RoleInTerritory2: random.chance(0.9) ? 'Account Executive' : 'Overlay',
      });
    });
  }
  const uncoveredId = newId('Territory2');
  territories.push(territory(uncoveredId, UNCOVERED_REGION, activeId, globalId, regionType, team.vpId));
  leavesByRegion.set(UNCOVERED_REGION, [uncoveredId]);
  repsByTerritory.set(uncoveredId, []);
  return { models, territories, userAssociations, leavesByRegion, repsByTerritory };
}

function territory(
  id: string,
  name: string,
  modelId: string,
  parentId: string | null,
  typeId: string,
  forecastUserId: string | null,
): Row {
  return {
    Id: id,
    Name: name,
    DeveloperName: name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
    Territory2ModelId: modelId,
    ParentTerritory2Id: parentId,
    Territory2TypeId: typeId,
    ForecastUserId: forecastUserId,
  };
}
