import type { ActionItem } from './reportActions.js';
import type { Context } from './reportDocument.js';

/** One action item in words, with its money at stake, in the reader's language. */
export function actionText(a: ActionItem, { t, f }: Context): string {
  switch (a.kind) {
    case 'forecastGap':
      return t(
        'action.forecastGap',
        a.owner,
        f.money(a.forecast),
        f.ratio(a.share),
        f.money(a.quota),
        f.money(a.money),
      );
    case 'lowCoverage':
      return t('action.lowCoverage', a.owner, f.money(a.money), f.times(a.coverage), f.times(a.required));
    case 'territoryWithoutRep':
      return t('action.territoryWithoutRep', a.owner, f.money(a.money));
    case 'bottom':
      return t('action.bottom', a.owner, f.ratio(a.attainment), f.money(a.money));
    case 'bottleneck':
      return t('action.bottleneck', a.owner, a.stage, f.ratio(a.rate), f.ratio(a.peerRate), f.money(a.money));
    case 'hygiene':
      return t(
        'action.hygiene',
        a.owner,
        f.count(a.deals),
        f.money(a.money),
        f.list(a.rules.map((r) => t(`rule.${r}`))),
      );
  }
}
