import { createOrgSnapshot, RECURRING_TYPES } from '@salesops/core';
import { readDataDir } from '@salesops/org';
import { renewalsDue } from '../packages/core/src/forecast/renewalsDue.js';
const dir = process.argv[2]!;
const s = createOrgSnapshot(await readDataDir(dir));
for (const label of ['FY2026-Q4', 'FY2027-Q1', 'FY2027-Q2', 'FY2027-Q3']) {
  const p = s.calendar.periodByLabel(label)!;
  for (const h of [7, 30, 60]) {
    const asOf = new Date(Date.parse(p.start) + h * 86400000).toISOString().slice(0, 10);
    const due = renewalsDue(s, p, asOf);
    const rate = due.law ? due.law.winRate.alpha / (due.law.winRate.alpha + due.law.winRate.beta) : 0;
    const ratio = due.law ? due.law.ratios.reduce((a, b) => a + b, 0) / due.law.ratios.length : 0;
    const sum = due.amounts.reduce((a, b) => a + b, 0);
    let actual = 0, n = 0;
    for (const d of s.deals) {
      const o = d.opportunity;
      if (o.Type === null || RECURRING_TYPES[o.Type] !== 'renewal') continue;
      if (o.CreatedDate.slice(0, 10) <= asOf) continue;
      const st = s.dealAsOf(o, '2026-11-16');
      if (st?.IsWon && st.CloseDate >= p.start && st.CloseDate <= p.end) { actual += s.toCorporate(st.Amount, o.CurrencyIsoCode, st.CloseDate) ?? 0; n++; }
    }
    console.log(label, h, 'contracts', due.amounts.length, 'sum', Math.round(sum), 'rate', rate.toFixed(3), 'ratio', ratio.toFixed(3), 'mean', Math.round(sum * rate * ratio), 'actual', n, Math.round(actual));
  }
}
